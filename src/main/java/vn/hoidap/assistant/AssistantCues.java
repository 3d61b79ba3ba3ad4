package vn.hoidap.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.hoidap.corpus.CorpusException;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * corpus/assistant/cues.yaml bound to records: the phrases that reveal the asked facet, the asked specifics,
 * refusals and follow-ups. Every phrase is folded on load, so the file may be written with diacritics.
 */
record AssistantCues(
        List<FacetCues> facets,
        Existence existence,
        Specifics specifics,
        @JsonProperty("money-units") List<String> moneyUnits,
        Refusals refusals,
        @JsonProperty("follow-up") FollowUp followUp,
        List<String> organisations) {

    record FacetCues(Facet facet, List<String> cues) {
    }

    record Existence(List<String> starts, List<String> contains, List<String> ends) {
    }

    record Specifics(List<String> amount, List<String> person, List<String> sanction, List<String> percent,
                     @JsonProperty("not-counted") List<String> notCounted, List<String> classifiers,
                     List<String> number, List<String> contact, @JsonProperty("contact-ends") List<String> contactEnds,
                     @JsonProperty("agency-or-number") List<String> agencyOrNumber) {
    }

    record PersonalData(List<String> asks, List<String> whose, List<String> unless,
                        @JsonProperty("private") List<String> privateDetails,
                        @JsonProperty("number-owner") List<String> numberOwner) {
    }

    record Override(List<String> cues) {
    }

    record Refusals(@JsonProperty("personal-data") PersonalData personalData, Override override) {
    }

    record FollowUp(List<String> starts, List<String> tails, List<String> refers) {
    }

    static AssistantCues load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, true);
        try {
            AssistantCues raw = yaml.readValue(file.toFile(), AssistantCues.class);
            return raw.folded();
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": " + e.getMessage(), e);
        }
    }

    private AssistantCues folded() {
        Objects.requireNonNull(facets, "facets");
        return new AssistantCues(
                facets.stream().map(f -> new FacetCues(f.facet(), fold(f.cues()))).toList(),
                new Existence(fold(existence.starts()), fold(existence.contains()), fold(existence.ends())),
                new Specifics(fold(specifics.amount()), fold(specifics.person()), fold(specifics.sanction()),
                        fold(specifics.percent()), fold(specifics.notCounted()), fold(specifics.classifiers()),
                        fold(specifics.number()), fold(specifics.contact()), fold(specifics.contactEnds()),
                        fold(specifics.agencyOrNumber())),
                fold(moneyUnits),
                new Refusals(new PersonalData(fold(refusals.personalData().asks()), fold(refusals.personalData().whose()),
                        fold(refusals.personalData().unless()), fold(refusals.personalData().privateDetails()),
                        fold(refusals.personalData().numberOwner())),
                        new Override(fold(refusals.override().cues()))),
                new FollowUp(fold(followUp.starts()), fold(followUp.tails()), fold(followUp.refers())),
                fold(organisations));
    }

    private static List<String> fold(List<String> phrases) {
        Objects.requireNonNull(phrases, "a cue list");
        return phrases.stream().map(p -> String.join(" ", ContentWords.tokens(p))).filter(p -> !p.isEmpty())
                .map(Fold::fold).toList();
    }
}

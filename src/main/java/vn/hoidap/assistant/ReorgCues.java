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
 * corpus/assistant/reorg.yaml bound to a record: the phrases that make a question one about the 2025
 * reorganisation (what a body or province became). Folded on load, so the file keeps its diacritics.
 */
record ReorgCues(
        List<String> changed,
        List<String> now,
        List<String> which,
        List<String> referents,
        List<String> district,
        @JsonProperty("district-work") List<String> districtWork,
        @JsonProperty("province-asks") List<String> provinceAsks,
        @JsonProperty("body-words") List<String> bodyWords,
        @JsonProperty("district-agency") String districtAgency) {

    static ReorgCues load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, true);
        try {
            ReorgCues raw = yaml.readValue(file.toFile(), ReorgCues.class);
            return new ReorgCues(fold(raw.changed, "changed"), fold(raw.now, "now"), fold(raw.which, "which"),
                    fold(raw.referents, "referents"), fold(raw.district, "district"),
                    fold(raw.districtWork, "district-work"),
                    fold(raw.provinceAsks, "province-asks"), fold(raw.bodyWords, "body-words"),
                    Objects.requireNonNull(raw.districtAgency, "district-agency"));
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": " + e.getMessage(), e);
        }
    }

    /** Folded and tokenised the way {@link Phrases#padded} reads a question, longest phrase first. */
    private static List<String> fold(List<String> phrases, String name) {
        Objects.requireNonNull(phrases, name);
        return phrases.stream().map(p -> String.join(" ", ContentWords.tokens(Fold.fold(p))))
                .filter(p -> !p.isBlank()).distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    }
}

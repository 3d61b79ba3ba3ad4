package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question on its own: intent (the trained classifier), entities (province, agency, plan number,
 * year), the asked facet, the asked specifics, refusals, and the subject words. Knows nothing of the
 * conversation; {@link DialogueRules} merges the reading with it.
 */
@Singleton
final class Understander {

    /** "53/KH-UBND", "1812/QĐ-UBND", "Kế hoạch 179", "Quyết định số 146": a document the question names. */
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "\\b(\\d{1,5})\\s*/\\s*[\\p{L}&-]+(?:\\s*-\\s*[\\p{L}&]+)*"
                    + "|\\b(?:kế hoạch|ke hoach|đề án|de an|quyết định|quyet dinh|nghị quyết|nghi quyet|kết luận|ket luan"
                    + "|chỉ thị|chi thi|công văn|cong van|tờ trình|to trinh|kh|qđ|qd)\\s+(?:số\\s+|so\\s+)?(\\d{1,5})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** An identity-card-like number: 9 to 12 digits in a row. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\b\\d{9,12}\\b");

    private final IntentModel intents;
    private final EntityExtractor entities;
    private final ContentWords questionWords;
    private final AssistantCues cues;
    /** Every word of every facet cue: they shape the question, they are not its subject. */
    private final java.util.Set<String> facetWords;

    Understander(IntentModel intents, EntityExtractor entities, ContentWords questionWords, AssistantCues cues) {
        this.intents = intents;
        this.entities = entities;
        this.questionWords = questionWords;
        this.cues = cues;
        java.util.Set<String> words = new java.util.HashSet<>();
        cues.facets().forEach(f -> f.cues().forEach(c -> words.addAll(List.of(c.split(" ")))));
        words.addAll(cues.followUp().starts().stream().flatMap(c -> java.util.Arrays.stream(c.split(" "))).toList());
        this.facetWords = java.util.Set.copyOf(words);
    }

    private static String withoutWords(String content, java.util.Set<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String t : content.isBlank() ? new String[0] : content.split(" ")) {
            if (!words.contains(Fold.fold(t))) {
                sb.append(sb.length() == 0 ? "" : " ").append(t);
            }
        }
        return sb.toString();
    }

    Reading read(String text) {
        String folded = Fold.fold(text);
        String padded = Phrases.padded(text);
        IntentModel.Guess guess = intents.classify(text);
        Entities e = entities.extract(text);
        String placeContent = questionWords.content(text);
        String content = ContentWords.without(placeContent, e.mentions());
        Facet facet = facet(padded, new ArrayList<>());
        // what is left once the words that only shape the asked facet are gone ("làm trong bao lâu" → nothing)
        String subject = withoutWords(content, facetWords);
        String organisation = e.agency() == null ? Phrases.first(padded, cues.organisations()) : null;
        if (organisation != null) {
            subject = ContentWords.without(subject, List.of(organisation));
        }
        int subjectWords = subject.isBlank() ? 0 : subject.split(" ").length;
        boolean marker = Phrases.startsWith(padded, cues.followUp().starts())
                || Phrases.endsWith(padded, cues.followUp().tails());
        return new Reading(text, folded, guess.intent(), guess.confidence(), facet, specifics(text, padded, e),
                refusal(text, padded), e, content, placeContent, subjectWords, organisation, marker);
    }

    /** The asked facet; a yes/no "có … không?" question asks whether something exists. */
    Facet facet(String padded, List<String> matched) {
        AssistantCues.Existence ex = cues.existence();
        boolean yesNo = Phrases.endsWith(padded, ex.ends())
                && (Phrases.startsWith(padded, ex.starts()) || Phrases.any(padded, ex.contains()) || padded.contains(" co "));
        for (AssistantCues.FacetCues f : cues.facets()) {
            String cue = Phrases.first(padded, f.cues());
            if (cue != null) {
                matched.add(cue);
                // "có nhiệm vụ nào do Sở Nội vụ chủ trì không?" still asks whether one exists
                return yesNo ? Facet.EXISTENCE : f.facet();
            }
        }
        return yesNo ? Facet.EXISTENCE : Facet.NONE;
    }

    AskedSpecifics specifics(String text, String padded, Entities e) {
        AssistantCues.Specifics s = cues.specifics();
        String number = null;
        Matcher m = DOC_NUMBER.matcher(Fold.nfc(text));
        while (m.find() && number == null) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            // a year is not a document number ("Kế hoạch 2025")
            if (n != null && !(n.length() == 4 && n.startsWith("20"))) {
                number = n;
            }
        }
        return new AskedSpecifics(e.year(), Phrases.any(padded, s.amount()), Phrases.any(padded, s.person()),
                Phrases.any(padded, s.sanction()), number);
    }

    /** Requests refused outright: someone's personal data, or an attempt to override the instructions. */
    Intent refusal(String text, String padded) {
        if (Phrases.any(padded, cues.refusals().override().cues())) {
            return Intent.REFUSAL_OVERRIDE;
        }
        AssistantCues.PersonalData pd = cues.refusals().personalData();
        if (ID_NUMBER.matcher(text).find() && Phrases.any(padded, pd.numberOwner())) {
            return Intent.REFUSAL_PERSONAL_DATA;
        }
        if (Phrases.any(padded, pd.asks()) && Phrases.any(padded, pd.whose()) && !Phrases.any(padded, pd.unless())) {
            return Intent.REFUSAL_PERSONAL_DATA;
        }
        return null;
    }
}

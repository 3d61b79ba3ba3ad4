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
 * corpus/assistant/selection.yaml bound to a record: the phrases that steer plan selection (the issued text
 * named beside a draft, a comparison of the two, a plan number offered to be verified). Folded on load.
 */
record SelectionCues(List<String> issued, List<String> compare,
                     @JsonProperty("which-plan") List<String> whichPlan,
                     @JsonProperty("checks-before") List<String> checksBefore,
                     @JsonProperty("checks-after") List<String> checksAfter,
                     @JsonProperty("plan-words") List<String> planWords,
                     List<String> today) {

    static final SelectionCues NONE = new SelectionCues(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    static SelectionCues load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, true);
        try {
            SelectionCues raw = yaml.readValue(file.toFile(), SelectionCues.class);
            return new SelectionCues(fold(raw.issued, "issued"), fold(raw.compare, "compare"),
                    fold(raw.whichPlan, "which-plan"), fold(raw.checksBefore, "checks-before"),
                    fold(raw.checksAfter, "checks-after"), fold(raw.planWords, "plan-words"), fold(raw.today, "today"));
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> fold(List<String> phrases, String name) {
        Objects.requireNonNull(phrases, name);
        return phrases.stream().map(p -> String.join(" ", ContentWords.tokens(Fold.fold(p))))
                .filter(p -> !p.isBlank()).distinct().toList();
    }

    /** "Đồng Nai mới …", "… sau sáp nhập": today's province is asked, with the provinces merged into it. */
    boolean asksTodaysProvince(String padded, String province) {
        String name = province == null ? "" : String.join(" ", ContentWords.tokens(Fold.fold(province)));
        return Phrases.any(padded, today) || !name.isEmpty() && padded.contains(" " + name + " moi ");
    }

    /** "bản dự thảo …, vậy bản chính thức …?": the issued text is asked, unless the two are compared. */
    boolean asksIssuedOverDraft(String padded) {
        return Phrases.any(padded, issued) && !Phrases.any(padded, compare);
    }

    /** The question asks which plan holds something, or offers plan number {@code number} for checking. */
    boolean verifies(String padded, String number) {
        if (Phrases.any(padded, whichPlan)) {
            return true;
        }
        String n = " " + number + " ";
        int at = padded.indexOf(n);
        while (at >= 0) {
            String before = padded.substring(0, at + 1);
            // drop the plan words just before the number ("có phải kế hoạch số 179")
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (String w : planWords) {
                    if (before.endsWith(" " + w + " ")) {
                        before = before.substring(0, before.length() - w.length() - 1);
                        stripped = true;
                    }
                }
            }
            String after = padded.substring(at + n.length() - 1);
            for (String c : checksBefore) {
                if (before.endsWith(" " + c + " ")) {
                    return true;
                }
            }
            for (String c : checksAfter) {
                if (after.equals(" " + c + " ") || after.startsWith(" " + c + " ") && after.length() <= c.length() + 3) {
                    return true;
                }
            }
            at = padded.indexOf(n, at + 1);
        }
        return false;
    }
}

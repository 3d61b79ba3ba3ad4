package vn.hoidap.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** Stable link targets for outline paths, shared by the plan pages and every answer's source URL. */
public final class Anchors {

    private Anchors() {
    }

    /** "III.2.4" → "s-iii-2-4"; "PL.II.3" → "s-pl-ii-3"; "III.2.đ" → "s-iii-2-dd". */
    public static String of(String sectionPath) {
        if (sectionPath == null || sectionPath.isBlank()) {
            return "top";
        }
        // "đ)" follows "d)" in Vietnamese lettering, so it must not fold onto it: đ → "dd".
        String folded = Normalizer.normalize(sectionPath.replace("Đ", "dd").replace("đ", "dd"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return "s-" + folded;
    }

    public static String planUrl(String planId, String anchor) {
        return "/ke-hoach/" + planId + (anchor == null ? "" : "#" + anchor);
    }
}

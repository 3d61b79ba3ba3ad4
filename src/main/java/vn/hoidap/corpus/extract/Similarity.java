package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Edit distance and token overlap on folded text: the measures used to read OCR labels and to score extraction. */
final class Similarity {

    private static final java.util.regex.Pattern NOT_KEY = java.util.regex.Pattern.compile("[^a-z0-9&]+");

    private Similarity() {
    }


    /** 1 − edit distance / longer length, on folded letters and digits only. */
    static double ratio(String a, String b) {
        String x = key(a);
        String y = key(b);
        int max = Math.max(x.length(), y.length());
        return max == 0 ? 1.0 : 1.0 - (double) vn.hoidap.text.EditDistance.levenshtein(x, y) / max;
    }

    /** Dice coefficient of folded word sets: robust to OCR damage in a few words of a long title. */
    static double dice(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size());
    }

    static String key(String s) {
        return NOT_KEY.matcher(Fold.fold(s == null ? "" : s)).replaceAll(" ").strip();
    }

    private static Set<String> words(String s) {
        return new HashSet<>(List.of(key(s).split(" "))).stream().filter(w -> !w.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }
}

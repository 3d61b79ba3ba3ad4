package vn.hoidap.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Finds known names in a token sequence: at each position the longest run of tokens that names something,
 * left to right, without overlaps ("so khoa hoc va cong nghe dong nai" → one agency, then one province).
 */
final class LongestMatch {

    /** A found name: what it resolved to, the tokens that named it, and where (token positions). */
    record Hit(String id, String matched, int start, int end) {
    }

    private LongestMatch() {
    }

    static List<Hit> scan(String[] tokens, int maxTokens, Function<String, String> idOf) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            Hit best = null;
            for (int n = Math.min(maxTokens, tokens.length - i); n >= 1 && best == null; n--) {
                String candidate = String.join(" ", Arrays.copyOfRange(tokens, i, i + n));
                String id = idOf.apply(candidate);
                if (id != null) {
                    best = new Hit(id, candidate, i, i + n);
                }
            }
            if (best != null) {
                hits.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return hits;
    }
}

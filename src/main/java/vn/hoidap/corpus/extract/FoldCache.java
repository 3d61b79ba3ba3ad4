package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link vn.hoidap.text.Fold#fold} of the short strings the extractors fold over and over (the head words of every list line,
 * every heading each time a part is looked for): Unicode normalisation is the costly part of reading a plan.
 * Bounded, so arbitrary text cannot grow it: past the bound, strings are folded without being kept.
 */
final class FoldCache {

    private static final int LIMIT = 50_000;
    private static final int LONGEST = 200;
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private FoldCache() {
    }

    static String fold(String s) {
        if (s.length() > LONGEST) {
            return Fold.fold(s);
        }
        String f = FOLDED.get(s);
        if (f == null) {
            f = Fold.fold(s);
            if (FOLDED.size() < LIMIT) {
                FOLDED.put(s, f);
            }
        }
        return f;
    }
}

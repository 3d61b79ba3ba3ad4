package vn.hoidap.text.restore;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clean syllables a (possibly OCR-mangled) syllable may stand for: every known syllable whose folded
 * form is the folded OCR form or within a small edit distance of it. Near forms are found with symmetric
 * deletes (SymSpell), so a lookup costs a few hash probes instead of a scan of the vocabulary.
 */
final class CandidateIndex {

    private final Map<String, List<String>> byFolded = new HashMap<>();
    private final Map<String, Set<String>> deletes = new HashMap<>();

    /** @param syllables clean lower-case syllables with their counts */
    CandidateIndex(Map<String, Integer> syllables) {
        Map<String, List<String>> groups = new HashMap<>();
        syllables.forEach((s, n) -> groups.computeIfAbsent(Fold.fold(s), k -> new ArrayList<>()).add(s));
        groups.forEach((key, forms) -> {
            forms.sort(Comparator.comparing((String f) -> -syllables.get(f)).thenComparing(f -> f));
            byFolded.put(key, List.copyOf(forms));
            for (String d : deletions(key, maxDistance(key))) {
                deletes.computeIfAbsent(d, k -> new HashSet<>()).add(key);
            }
        });
    }

    /** Known clean syllables whose folded form is near the folded OCR form, exact fold first. */
    List<String> near(String ocrLower) {
        String key = Fold.fold(ocrLower);
        Set<String> keys = new LinkedHashSet<>();
        if (byFolded.containsKey(key)) {
            keys.add(key);
        }
        int max = maxDistance(key);
        for (String d : deletions(key, max)) {
            Set<String> hit = deletes.get(d);
            if (hit != null) {
                for (String k : hit) {
                    if (!keys.contains(k) && vn.hoidap.text.EditDistance.levenshtein(key, k) <= Math.max(max, maxDistance(k))) {
                        keys.add(k);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.addAll(byFolded.get(k));
        }
        return out;
    }

    /**
     * OCR often turns one letter into two ("ư" → "ir": "thirc" thức, "sir" sử; "u" → "ti": "ctia" của), so a
     * syllable of two letters or more may be two edits away, and of five or more three. The channel, not
     * this distance, ranks what is found.
     */
    private static int maxDistance(String key) {
        return key.length() <= 1 ? 1 : key.length() <= 4 ? 2 : 3;
    }

    private static Set<String> deletions(String key, int depth) {
        Set<String> out = new HashSet<>();
        out.add(key);
        Set<String> frontier = Set.of(key);
        for (int d = 0; d < depth; d++) {
            Set<String> next = new HashSet<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    next.add(s.substring(0, i) + s.substring(i + 1));
                }
            }
            out.addAll(next);
            frontier = next;
        }
        return out;
    }

}

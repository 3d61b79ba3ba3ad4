package vn.hoidap.text.restore;

import vn.hoidap.text.Fold;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How OCR spells a syllable: a character-level channel P(ocr | clean) as a weighted edit distance whose
 * costs (-ln probabilities) are learned from aligned OCR/clean syllable pairs. The pairs teach what a long
 * hand-written list would: "Đ" read as "P"/"B", "ơ" as "&"/"¢"/"6", "ủ" as "ti" ("ctia" của), "ă" as "i", "ổ" as "b".
 * Without pairs every edit has a flat cost, and a change of diacritic only is cheap.
 */
final class OcrChannel {

    private static final char NONE = '\0';
    private static final char[] FOLDED = new char[0x2000];
    /** Used when nothing was learned: a different diacritic on the same letter, and any other edit. */
    private static final double SAME_LETTER = 2.0;
    private static final double OTHER_EDIT = 5.0;

    /** counts.get(clean).get(ocr): NONE as clean = insertion, NONE as ocr = deletion. */
    private final Map<Character, Map<Character, Integer>> counts = new HashMap<>();
    private final Map<Character, Integer> cleanTotals = new HashMap<>();
    private final Map<Character, Map<Character, Integer>> foldedCounts = new HashMap<>();
    private final Map<Character, Integer> foldedTotals = new HashMap<>();
    /** costs[clean][ocr] for characters below U+2000 (all Vietnamese letters), filled on first use. */
    private final AtomicReferenceArray<float[]> costs = new AtomicReferenceArray<>(FOLDED.length);
    private boolean learned;

    static OcrChannel flat() {
        return new OcrChannel();
    }

    /**
     * Learns from (ocr, clean) syllable pairs, lower-case. Two rounds of hard EM: the first alignment of each
     * pair uses flat costs, the second the costs learned from the first.
     */
    static OcrChannel learn(List<SyllablePair> pairs) {
        OcrChannel channel = flat();
        for (int round = 0; round < 2; round++) {
            OcrChannel next = new OcrChannel();
            for (SyllablePair p : pairs) {
                next.observe(channel, p.ocr(), p.clean());
            }
            next.learned = !pairs.isEmpty();
            channel = next;
        }
        return channel;
    }

    /** -ln P(ocr | clean), both lower-case. */
    double cost(String ocr, String clean) {
        int n = clean.length();
        int m = ocr.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        for (int j = 1; j <= m; j++) {
            prev[j] = prev[j - 1] + cost(NONE, ocr.charAt(j - 1));
        }
        for (int i = 1; i <= n; i++) {
            char c = clean.charAt(i - 1);
            cur[0] = prev[0] + cost(c, NONE);
            for (int j = 1; j <= m; j++) {
                char o = ocr.charAt(j - 1);
                cur[j] = Math.min(prev[j - 1] + cost(c, o), Math.min(prev[j] + cost(c, NONE), cur[j - 1] + cost(NONE, o)));
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    double cost(char clean, char ocr) {
        if (clean >= FOLDED.length || ocr >= FOLDED.length) {
            return computeCost(clean, ocr);
        }
        // Rows are published through the atomic array after being filled with NaN, so a reader sees either
        // NaN (and computes the value itself) or a finished value; a race only computes a value twice.
        float[] row = costs.get(clean);
        if (row == null) {
            row = new float[FOLDED.length];
            Arrays.fill(row, Float.NaN);
            costs.compareAndSet(clean, null, row);
            row = costs.get(clean);
        }
        float c = row[ocr];
        if (Float.isNaN(c)) {
            c = (float) computeCost(clean, ocr);
            row[ocr] = c;
        }
        return c;
    }

    private double computeCost(char clean, char ocr) {
        if (!learned) {
            if (clean == ocr) {
                return 0;
            }
            return clean != NONE && ocr != NONE && fold(clean) == fold(ocr) ? SAME_LETTER : OTHER_EDIT;
        }
        int n = get(counts, clean, ocr);
        if (n > 0) {
            return -Math.log(n / (total(cleanTotals, clean) + 1.0));
        }
        // Unseen pair: back off to the letters without diacritics, plus the price of an unseen diacritic.
        char fc = fold(clean);
        char fo = fold(ocr);
        int nf = get(foldedCounts, fc, fo);
        if (nf > 0) {
            return -Math.log(nf / (total(foldedTotals, fc) + 1.0)) + 1.5;
        }
        return 9.0;
    }

    private void observe(OcrChannel aligner, String ocr, String clean) {
        int n = clean.length();
        int m = ocr.length();
        double[][] d = new double[n + 1][m + 1];
        for (int j = 1; j <= m; j++) {
            d[0][j] = d[0][j - 1] + aligner.cost(NONE, ocr.charAt(j - 1));
        }
        for (int i = 1; i <= n; i++) {
            d[i][0] = d[i - 1][0] + aligner.cost(clean.charAt(i - 1), NONE);
            for (int j = 1; j <= m; j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + aligner.cost(clean.charAt(i - 1), ocr.charAt(j - 1)),
                        Math.min(d[i - 1][j] + aligner.cost(clean.charAt(i - 1), NONE),
                                d[i][j - 1] + aligner.cost(NONE, ocr.charAt(j - 1))));
            }
        }
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + aligner.cost(clean.charAt(i - 1), ocr.charAt(j - 1))) {
                add(clean.charAt(i - 1), ocr.charAt(j - 1));
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + aligner.cost(clean.charAt(i - 1), NONE)) {
                add(clean.charAt(i - 1), NONE);
                i--;
            } else {
                add(NONE, ocr.charAt(j - 1));
                j--;
            }
        }
        // Insertions are counted per syllable boundary slot as well, so their probability stays a rate.
        cleanTotals.merge(NONE, n + 1, Integer::sum);
        foldedTotals.merge(NONE, n + 1, Integer::sum);
    }

    private void add(char clean, char ocr) {
        counts.computeIfAbsent(clean, k -> new HashMap<>()).merge(ocr, 1, Integer::sum);
        foldedCounts.computeIfAbsent(fold(clean), k -> new HashMap<>()).merge(fold(ocr), 1, Integer::sum);
        if (clean != NONE) {
            cleanTotals.merge(clean, 1, Integer::sum);
            foldedTotals.merge(fold(clean), 1, Integer::sum);
        }
    }

    private static int get(Map<Character, Map<Character, Integer>> m, char a, char b) {
        Map<Character, Integer> row = m.get(a);
        return row == null ? 0 : row.getOrDefault(b, 0);
    }

    private static int total(Map<Character, Integer> totals, char c) {
        return totals.getOrDefault(c, 0);
    }

    static {
        for (char c = 1; c < FOLDED.length; c++) {
            String f = Fold.fold(String.valueOf(c));
            FOLDED[c] = f.length() == 1 ? f.charAt(0) : c;
        }
    }

    private static char fold(char c) {
        return c != NONE && c < FOLDED.length ? FOLDED[c] : c;
    }
}

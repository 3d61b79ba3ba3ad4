package vn.hoidap.text.restore;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns the syllables of an OCR'd document with those of a clean version of (mostly) the same text, the way
 * difflib does: a longest common subsequence over folded syllables gives the anchors, and a gap of the same
 * short length on both sides between two anchors is read as OCR-mangled syllables standing for the clean
 * ones ("Pon vi" / "Đơn vị"). Only runs that mostly agree are kept, so passages the two versions word
 * differently are left out instead of being paired by accident.
 */
final class SyllableAligner {

    /** A kept pair: positions in the two token lists. */
    record Link(int ocr, int clean) {
    }

    private static final int MAX_REPLACE = 4;
    private static final int MIN_RUN = 6;
    private static final double MIN_AGREEMENT = 0.6;

    private SyllableAligner() {
    }

    static List<Link> align(List<String> ocr, List<String> clean) {
        int[] a = ids(ocr, clean, true);
        int[] b = ids(ocr, clean, false);
        int n = a.length;
        int m = b.length;
        // LCS with a direction table; lengths kept in two rows (n*m bytes, ~20 MB for a 20-page plan).
        byte[] dir = new byte[(n + 1) * (m + 1)];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int idx = i * (m + 1) + j;
                if (a[i - 1] == b[j - 1]) {
                    cur[j] = prev[j - 1] + 1;
                    dir[idx] = 0;
                } else if (prev[j] >= cur[j - 1]) {
                    cur[j] = prev[j];
                    dir[idx] = 1;
                } else {
                    cur[j] = cur[j - 1];
                    dir[idx] = 2;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            java.util.Arrays.fill(cur, 0);
        }
        List<int[]> anchors = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            byte d = dir[i * (m + 1) + j];
            if (d == 0) {
                anchors.add(0, new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (d == 1) {
                i--;
            } else {
                j--;
            }
        }
        return keepAgreeingRuns(withReplacements(anchors), ocr, clean);
    }

    /** Adds equal-length short gaps between consecutive anchors as 1:1 replacements. */
    private static List<Link> withReplacements(List<int[]> anchors) {
        List<Link> links = new ArrayList<>();
        int[] last = {-1, -1};
        for (int[] anchor : anchors) {
            int gapOcr = anchor[0] - last[0] - 1;
            int gapClean = anchor[1] - last[1] - 1;
            if (gapOcr == gapClean && gapOcr > 0 && gapOcr <= MAX_REPLACE) {
                for (int k = 1; k <= gapOcr; k++) {
                    links.add(new Link(last[0] + k, last[1] + k));
                }
            }
            links.add(new Link(anchor[0], anchor[1]));
            last = anchor;
        }
        return links;
    }

    private static List<Link> keepAgreeingRuns(List<Link> links, List<String> ocr, List<String> clean) {
        List<Link> kept = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= links.size(); k++) {
            boolean contiguous = k < links.size()
                    && links.get(k).ocr() == links.get(k - 1).ocr() + 1
                    && links.get(k).clean() == links.get(k - 1).clean() + 1;
            if (contiguous) {
                continue;
            }
            List<Link> run = links.subList(start, k);
            long agreeing = run.stream().filter(l -> key(ocr.get(l.ocr())).equals(key(clean.get(l.clean())))).count();
            if (run.size() >= MIN_RUN && agreeing >= MIN_AGREEMENT * run.size()) {
                kept.addAll(run);
            }
            start = k;
        }
        return kept;
    }

    private static int[] ids(List<String> ocr, List<String> clean, boolean first) {
        Map<String, Integer> dict = new HashMap<>();
        for (String s : ocr) {
            dict.putIfAbsent(key(s), dict.size());
        }
        for (String s : clean) {
            dict.putIfAbsent(key(s), dict.size());
        }
        List<String> side = first ? ocr : clean;
        int[] out = new int[side.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = dict.get(key(side.get(k)));
        }
        return out;
    }

    private static String key(String syllable) {
        return Fold.fold(syllable);
    }
}

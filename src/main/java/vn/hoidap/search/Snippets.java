package vn.hoidap.search;

import vn.hoidap.text.Fold;

import java.util.Collection;
import java.util.List;

/**
 * Short extracts around the query's words. Matching is done on a folded copy of the text with the same
 * length (one character for one), so a query without diacritics still finds where to cut.
 */
final class Snippets {

    static final int LENGTH = 220;
    private static final char[] FOLDED = new char[0x2000];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            if (Character.isSurrogate(c)) {
                FOLDED[c] = c;
                continue;
            }
            String f = Fold.fold(String.valueOf(c));
            FOLDED[c] = f.length() == 1 ? f.charAt(0) : (Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c));
        }
    }

    private Snippets() {
    }

    /** The text folded character by character: "Đổi Số" → "doi so", same length as the input. */
    static String foldSameLength(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c < FOLDED.length ? FOLDED[c] : c;
        }
        return new String(out);
    }

    /** About {@link #LENGTH} characters of {@code text} where most of {@code foldedTerms} occur. */
    static String of(String text, String folded, Collection<String> foldedTerms) {
        if (text.length() <= LENGTH) {
            return text.replace('\n', ' ').strip();
        }
        List<String> terms = foldedTerms.stream().filter(t -> t.length() >= 2).limit(12).toList();
        int best = 0;
        int bestCount = 0;
        for (String term : terms) {
            for (int at = indexOfWord(folded, term, 0), n = 0; at >= 0 && n < 8;
                 at = indexOfWord(folded, term, at + 1), n++) {
                int from = Math.max(0, at - 40);
                int count = 0;
                for (String other : terms) {
                    int o = indexOfWord(folded, other, from);
                    if (o >= 0 && o < from + LENGTH) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    best = from;
                }
            }
        }
        int start = best == 0 ? 0 : wordStart(text, best);
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start + LENGTH / 2 ? space : end;
        }
        String s = text.substring(start, end).replace('\n', ' ').strip();
        return (start > 0 ? "… " : "") + s + (end < text.length() ? " …" : "");
    }

    private static int indexOfWord(String folded, String term, int from) {
        int at = folded.indexOf(term, from);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
            int end = at + term.length();
            boolean endOk = end >= folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
            if (startOk && endOk) {
                return at;
            }
            at = folded.indexOf(term, at + 1);
        }
        return -1;
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}

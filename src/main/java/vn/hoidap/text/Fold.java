package vn.hoidap.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese folding shared by every feature: NFC first, the look-alike Ð/ð mapped to Đ/đ, then đ→d,
 * combining marks removed and lower-cased. "Sở Thông tin và Truyền thông" → "so thong tin va truyen thong".
 * <p>
 * Every question and every unit goes through here many times, so text made only of characters from Basic
 * Latin to Latin Extended-B and from Latin Extended Additional (all of Vietnamese in NFC) takes a table
 * path: each character's result, computed once by the full normalisation below, is looked up. No character
 * in those ranges composes with its neighbour under NFC, so the table path gives exactly what the full
 * path gives ({@code FoldTest} checks every character and every pair); any other character — a combining
 * mark, decomposed input, another script — takes the full path.
 */
public final class Fold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The table covers [0, LATIN_END) and [ADDITIONAL_START, ADDITIONAL_END). */
    static final char LATIN_END = 0x0250;
    static final char ADDITIONAL_START = 0x1E00;
    static final char ADDITIONAL_END = 0x1F00;
    /** Marks a character the tables do not cover alone (its result is not one character). */
    private static final char NONE = '\uFFFF';
    /** The character after {@link #nfc} (Ð→Đ included). */
    private static final char[] NFC = new char[ADDITIONAL_END];
    /** The character after {@link #fold}'s normalisation, before whitespace is collapsed. */
    private static final char[] FOLDED = new char[ADDITIONAL_END];
    /** The character lower-cased as a string ("İ" lower-cases to two characters: NONE). */
    private static final char[] LOWER = new char[ADDITIONAL_END];

    static {
        Arrays.fill(NFC, NONE);
        Arrays.fill(FOLDED, NONE);
        Arrays.fill(LOWER, NONE);
        for (char c = 0; c < ADDITIONAL_END; c++) {
            if (c >= LATIN_END && c < ADDITIONAL_START) {
                continue;
            }
            String s = String.valueOf(c);
            NFC[c] = single(slowNfc(s));
            FOLDED[c] = single(foldedNoSpaces(s));
            LOWER[c] = single(s.toLowerCase(Locale.ROOT));
        }
    }

    private Fold() {
    }

    private static char single(String s) {
        return s.length() == 1 && s.charAt(0) != NONE ? s.charAt(0) : NONE;
    }

    private static boolean covered(char c) {
        return c < ADDITIONAL_END && NFC[c] != NONE && FOLDED[c] != NONE && LOWER[c] != NONE;
    }

    /** True when every character of {@code s} takes the table path. */
    private static boolean covered(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!covered(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** NFC with Ð/ð (U+00D0/U+00F0) turned into Đ/đ; keeps diacritics. */
    public static String nfc(String text) {
        if (text == null) {
            return "";
        }
        if (!covered(text)) {
            return slowNfc(text);
        }
        return map(text, NFC);
    }

    /** Lower-case, no diacritics, whitespace collapsed. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (!covered(text)) {
            return slowFold(text);
        }
        return collapse(text, FOLDED);
    }

    /**
     * Whether the text holds an ASCII digit: what a regex {@code \\d} (without UNICODE_CHARACTER_CLASS) needs,
     * checked before running a pattern of document numbers or years over a question that has none.
     */
    public static boolean hasAsciiDigit(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** True when the text carries any Vietnamese diacritic (or đ): people who type them mean them. */
    public static boolean hasDiacritics(String text) {
        String n = nfc(text);
        if (!covered(n)) {
            return !slowFold(n).equals(SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
        }
        return !collapse(n, FOLDED).equals(collapse(n, LOWER));
    }

    private static String map(String text, char[] table) {
        char[] out = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            char m = table[c];
            if (m != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = m;
            }
        }
        return out == null ? text : new String(out);
    }

    /**
     * Each character through {@code table}, then what {@code \s+ → " "} and {@link String#strip} do: runs
     * of ASCII whitespace become one space, leading and trailing whitespace goes.
     */
    private static String collapse(String text, char[] table) {
        int n = text.length();
        char[] out = new char[n];
        int len = 0;
        boolean inRun = false;
        for (int i = 0; i < n; i++) {
            char m = table[text.charAt(i)];
            if (isAsciiSpace(m)) {
                if (!inRun) {
                    out[len++] = ' ';
                    inRun = true;
                }
            } else {
                out[len++] = m;
                inRun = false;
            }
        }
        int from = 0;
        while (from < len && Character.isWhitespace(out[from])) {
            from++;
        }
        int to = len;
        while (to > from && Character.isWhitespace(out[to - 1])) {
            to--;
        }
        return new String(out, from, to - from);
    }

    /** The characters of regex {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String slowNfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('Ð', 'Đ').replace('ð', 'đ');
    }

    static String slowFold(String text) {
        return SPACES.matcher(foldedNoSpaces(text)).replaceAll(" ").strip();
    }

    private static String foldedNoSpaces(String text) {
        String s = slowNfc(text).replace('Đ', 'D').replace('đ', 'd');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return s.toLowerCase(Locale.ROOT);
    }

    /** The original definition of {@link #hasDiacritics}, for tests. */
    static boolean slowHasDiacritics(String text) {
        String n = slowNfc(text);
        return !slowFold(n).equals(SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
    }
}

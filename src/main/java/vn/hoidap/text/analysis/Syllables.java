package vn.hoidap.text.analysis;

import vn.hoidap.text.Fold;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Spelling canonicalisation of one Vietnamese syllable, so that equivalent spellings index to one term:
 * old/new tone placement in open oa/oe/uy syllables (hoá→hóa, thuỷ→thủy, khoẻ→khỏe, never after q: quý)
 * and the i/y alternation after a consonant (kỹ/kĩ, lý/lí → kĩ, lí). Input is expected lower-case NFC.
 */
public final class Syllables {

    /** The five Vietnamese tone marks as combining characters. */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String CONSONANT_ONSETS =
            "|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|ng|nh|ph|th|tr|";

    /**
     * {@link #toneOf} and {@link #stripTone} of every character below {@link #TABLE_END}, computed once:
     * every token of every field goes through them, and each call normalised a one-character string.
     */
    private static final char TABLE_END = 0x1F00;
    private static final char[] TONE = new char[TABLE_END];
    private static final char[] STRIPPED = new char[TABLE_END];

    static {
        for (char c = 0; c < TABLE_END; c++) {
            TONE[c] = computeToneOf(c);
            STRIPPED[c] = computeStripTone(c);
        }
    }

    private Syllables() {
    }

    /** NFC, Ð→Đ, lower-case, then {@link #canonicalTone} and {@link #canonicalIY}. */
    public static String normalize(String token) {
        String s = Fold.nfc(token).toLowerCase(Locale.ROOT);
        return canonicalIY(canonicalTone(s));
    }

    /** "hoá" → "hóa", "thuỷ" → "thủy"; "hoàn", "quý", "ngoài" unchanged. */
    public static String canonicalTone(String s) {
        int n = s.length();
        if (n < 2 || n > 8) {
            return s;
        }
        char last = s.charAt(n - 1);
        char tone = toneOf(last);
        if (tone == 0) {
            return s;
        }
        char lastBase = stripTone(last);
        char prev = s.charAt(n - 2);
        boolean pair = (prev == 'o' && (lastBase == 'a' || lastBase == 'e')) || (prev == 'u' && lastBase == 'y');
        if (!pair || (n >= 3 && s.charAt(n - 3) == 'q')) {
            return s;
        }
        // the pair must be the whole nucleus: "ngoài" has a third vowel and is left alone
        if (n >= 3 && isVowel(stripTone(s.charAt(n - 3)))) {
            return s;
        }
        return s.substring(0, n - 2) + withTone(prev, tone) + lastBase;
    }

    /** A consonant onset followed by a lone y/i (any tone) ends in i: "kỹ" → "kĩ", "lý" → "lí". */
    public static String canonicalIY(String s) {
        int n = s.length();
        if (n < 2 || n > 3) {
            return s;
        }
        char last = s.charAt(n - 1);
        if (stripTone(last) != 'y') {
            return s;
        }
        String onset = s.substring(0, n - 1);
        if (!CONSONANT_ONSETS.contains("|" + onset + "|")) {
            return s;
        }
        char tone = toneOf(last);
        return onset + (tone == 0 ? 'i' : withTone('i', tone));
    }

    /** True for a bare vowel letter (shape marks allowed, tone already removed). */
    static boolean isVowel(char c) {
        return "aăâeêioôơuưy".indexOf(c) >= 0;
    }

    /** The combining tone mark on {@code c}, or 0. */
    static char toneOf(char c) {
        return c < TABLE_END ? TONE[c] : computeToneOf(c);
    }

    private static char computeToneOf(char c) {
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        for (int i = 1; i < d.length(); i++) {
            if (TONES.indexOf(d.charAt(i)) >= 0) {
                return d.charAt(i);
            }
        }
        return 0;
    }

    /** {@code c} without its tone mark, keeping â ă ê ô ơ ư. */
    static char stripTone(char c) {
        return c < TABLE_END ? STRIPPED[c] : computeStripTone(c);
    }

    private static char computeStripTone(char c) {
        if (c < 0xC0) {
            return c;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            if (TONES.indexOf(d.charAt(i)) < 0) {
                sb.append(d.charAt(i));
            }
        }
        String r = Normalizer.normalize(sb, Normalizer.Form.NFC);
        return r.length() == 1 ? r.charAt(0) : c;
    }

    /** {@code base} (without tone) carrying {@code tone}. */
    static char withTone(char base, char tone) {
        String r = Normalizer.normalize(base + String.valueOf(tone), Normalizer.Form.NFC);
        return r.length() == 1 ? r.charAt(0) : base;
    }
}

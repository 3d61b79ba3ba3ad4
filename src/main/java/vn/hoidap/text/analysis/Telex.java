package vn.hoidap.text.analysis;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query-side repair of Telex typing left without an input method: "chuyeenr ddooir soos" → "chuyển đổi
 * số". A word is converted only when it is not already a known word and the conversion is one, so real
 * words ("so", "dan") are never touched.
 */
public final class Telex {

    private static final Pattern ASCII_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])[a-zA-Z]{2,9}(?![\\p{L}\\p{N}])");
    private static final Pattern MARKERS = Pattern.compile("dd|aa|aw|ee|oo|ow|uw|w|[sfrxj]$");
    private static final String TONE_KEYS = "sfrxj";
    /** Combining marks for the keys s f r x j: sắc, huyền, hỏi, ngã, nặng. */
    private static final String TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String SHAPED = "ăâêôơư";

    private Telex() {
    }

    /**
     * Converts the Telex words of {@code text}; {@code knownExact} says whether a canonical diacritic
     * syllable exists in the corpus, {@code knownFolded} whether a plain word does.
     */
    public static String repair(String text, Predicate<String> knownExact, Predicate<String> knownFolded) {
        Matcher m = ASCII_WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(java.util.Locale.ROOT);
            if (knownFolded.test(word) || !MARKERS.matcher(word).find()) {
                continue;
            }
            String converted = convert(word);
            if (converted == null || !knownExact.test(Syllables.normalize(converted))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(converted);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The syllable a Telex word spells ("ddooir" → "đổi"), or null when it spells none. */
    public static String convert(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        char toneMark = 0;
        if (w.length() > 1 && TONE_KEYS.indexOf(w.charAt(w.length() - 1)) >= 0) {
            toneMark = TONE_MARKS.charAt(TONE_KEYS.indexOf(w.charAt(w.length() - 1)));
            w = w.substring(0, w.length() - 1);
        }
        w = w.replace("uow", "ươ").replace("dd", "đ").replace("aa", "â").replace("aw", "ă")
                .replace("ee", "ê").replace("oo", "ô").replace("ow", "ơ").replace("uw", "ư").replace("w", "ư");
        if (!w.matches("[a-zđăâêôơư]+")) {
            return null;
        }
        int start = w.startsWith("qu") ? 2 : 0;
        if (w.startsWith("gi") && w.length() > 2 && VOWELS.indexOf(w.charAt(2)) >= 0) {
            start = 2;
        }
        while (start < w.length() && VOWELS.indexOf(w.charAt(start)) < 0) {
            start++;
        }
        int end = start;
        while (end < w.length() && VOWELS.indexOf(w.charAt(end)) >= 0) {
            end++;
        }
        if (start == end || end - start > 3 || !w.substring(end).matches("|c|ch|m|n|ng|nh|p|t")) {
            return null;
        }
        if (toneMark == 0) {
            return w;
        }
        int at = tonePosition(w, start, end);
        String marked = java.text.Normalizer.normalize(w.charAt(at) + String.valueOf(toneMark),
                java.text.Normalizer.Form.NFC);
        return Syllables.canonicalTone(w.substring(0, at) + marked + w.substring(at + 1));
    }

    private static int tonePosition(String w, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (SHAPED.indexOf(w.charAt(i)) >= 0) {
                return i;
            }
        }
        if (end < w.length() || end - start == 1) {
            return end - 1;
        }
        return end - start == 3 ? start + 1 : start;
    }
}

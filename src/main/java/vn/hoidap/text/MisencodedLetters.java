package vn.hoidap.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs letters that a wrong code page left inside Vietnamese words: "Nam KǶ Khởi Nghĩa", "Vǜng Tàu".
 * Such a letter belongs to no Vietnamese spelling (Latin Extended-B, or a vowel with a diaeresis). The word is
 * looked up in the document itself: the most frequent word that agrees in every other letter wins ("kǶ" →
 * "kỳ" where "kỳ" occurs); with no such word the letter loses what Vietnamese does not write
 * ("ǜ" → "ù", its diaeresis dropped) or, having no base letter, is left for a reader to judge.
 */
public final class MisencodedLetters {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final String VIETNAMESE_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B";

    private MisencodedLetters() {
    }

    /** True for a letter no Vietnamese word is spelt with ("Ƕ", "ǜ", "ä"); false for "ệ", "đ", "w", "f". */
    static boolean isForeign(char ch) {
        if (ch < 128 || ch == 'đ' || ch == 'Đ') {
            return false;
        }
        if (!Character.isLetter(ch)) {
            return false;
        }
        // Only the Latin blocks: other scripts (a quoted Chinese name) are not mis-encodings.
        Character.UnicodeBlock b = Character.UnicodeBlock.of(ch);
        if (b != Character.UnicodeBlock.LATIN_1_SUPPLEMENT && b != Character.UnicodeBlock.LATIN_EXTENDED_A
                && b != Character.UnicodeBlock.LATIN_EXTENDED_B && b != Character.UnicodeBlock.IPA_EXTENSIONS
                && b != Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL) {
            return false;
        }
        String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
        if (d.length() == 1 || d.charAt(0) >= 128) {
            return true; // no decomposition into a Latin letter: ǀ, Ƕ, ß, æ
        }
        for (int i = 1; i < d.length(); i++) {
            if (VIETNAMESE_MARKS.indexOf(d.charAt(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the text holds any foreign letter inside a word: most documents need no repair at all. */
    public static boolean present(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128 && isForeign(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The lines with every foreign letter inside a Vietnamese word repaired from the document's own words. */
    public static List<String> repair(List<String> lines) {
        if (lines.stream().noneMatch(MisencodedLetters::present)) {
            return lines;
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (String l : lines) {
            Matcher m = WORD.matcher(l);
            while (m.find()) {
                String w = m.group().toLowerCase(Locale.ROOT);
                if (!present(w)) {
                    vocabulary.merge(w, 1, Integer::sum);
                }
            }
        }
        return lines.stream().map(l -> present(l) ? repairLine(l, vocabulary) : l).toList();
    }

    private static String repairLine(String line, Map<String, Integer> vocabulary) {
        Matcher m = WORD.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(present(w) ? repairWord(w, vocabulary) : w));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String repairWord(String word, Map<String, Integer> vocabulary) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            String v = e.getKey();
            if (v.length() == lower.length() && agreesOutsideForeign(lower, v) && e.getValue() > bestCount) {
                best = v;
                bestCount = e.getValue();
            }
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (!isForeign(ch)) {
                out.append(ch);
                continue;
            }
            char repaired = best != null ? best.charAt(i) : withoutForeignMarks(ch);
            // The stray letter's own case means nothing: the word's other letters tell ("KǶ" → "Kỳ", "KǶ HỌP" stays caps).
            out.append(upperInContext(word, i) ? Character.toUpperCase(repaired) : Character.toLowerCase(repaired));
        }
        return out.toString();
    }

    /** First letter: as printed. Inside a word: capital only when the word is written in capitals ("HỌP"). */
    private static boolean upperInContext(String word, int at) {
        if (at == 0) {
            return Character.isUpperCase(word.charAt(0));
        }
        int others = 0;
        boolean allUpper = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i != at && Character.isLetter(c) && !isForeign(c)) {
                others++;
                allUpper &= Character.isUpperCase(c);
            }
        }
        return others >= 2 && allUpper;
    }

    private static boolean agreesOutsideForeign(String word, String candidate) {
        boolean anyForeign = false;
        for (int i = 0; i < word.length(); i++) {
            char a = word.charAt(i);
            if (isForeign(a)) {
                anyForeign = true;
                // The candidate's letter must be a vowel or consonant of the same family when a base letter exists.
                String base = Fold.fold(String.valueOf(a));
                if (base.length() == 1 && base.charAt(0) >= 'a' && base.charAt(0) <= 'z'
                        && !Fold.fold(String.valueOf(candidate.charAt(i))).equals(base)) {
                    return false;
                }
            } else if (a != candidate.charAt(i)) {
                return false;
            }
        }
        return anyForeign;
    }

    /** "ǜ" → "ù": the marks Vietnamese writes are kept, the others dropped; no base letter → unchanged. */
    private static char withoutForeignMarks(char ch) {
        String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
        if (d.length() == 1 || d.charAt(0) >= 128) {
            return ch;
        }
        StringBuilder kept = new StringBuilder().append(d.charAt(0));
        for (int i = 1; i < d.length(); i++) {
            if (VIETNAMESE_MARKS.indexOf(d.charAt(i)) >= 0) {
                kept.append(d.charAt(i));
            }
        }
        String c = Normalizer.normalize(kept, Normalizer.Form.NFC);
        return c.length() == 1 ? c.charAt(0) : d.charAt(0);
    }
}

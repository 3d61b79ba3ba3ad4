package vn.hoidap.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese folding shared by every feature: NFC first, the look-alike Ð/ð mapped to Đ/đ, then đ→d,
 * combining marks removed and lower-cased. "Sở Thông tin và Truyền thông" → "so thong tin va truyen thong".
 */
public final class Fold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fold() {
    }

    /** NFC with Ð/ð (U+00D0/U+00F0) turned into Đ/đ; keeps diacritics. */
    public static String nfc(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('Ð', 'Đ').replace('ð', 'đ');
    }

    /** Lower-case, no diacritics, whitespace collapsed. */
    public static String fold(String text) {
        String s = nfc(text).replace('Đ', 'D').replace('đ', 'd');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** True when the text carries any Vietnamese diacritic (or đ): people who type them mean them. */
    public static boolean hasDiacritics(String text) {
        String n = nfc(text);
        return !fold(n).equals(SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
    }
}

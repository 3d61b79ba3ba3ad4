package vn.hoidap.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table path of {@link Fold} gives what the full normalisation gives, character by character and in context. */
class FoldTest {

    private static List<Character> tableRange() {
        List<Character> out = new ArrayList<>();
        for (char c = 0; c < Fold.ADDITIONAL_END; c++) {
            if (c < Fold.LATIN_END || c >= Fold.ADDITIONAL_START) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void findsAsciiDigitsOnly() {
        assertTrue(Fold.hasAsciiDigit("Kế hoạch 53/KH-UBND"));
        assertTrue(Fold.hasAsciiDigit("9"));
        assertFalse(Fold.hasAsciiDigit("Ai chủ trì nhiệm vụ này?"));
        // what regex \d matches without UNICODE_CHARACTER_CLASS: not Arabic-Indic or full-width digits
        assertFalse(Fold.hasAsciiDigit("\u0663\uFF15"));
        assertFalse(Fold.hasAsciiDigit(""));
        assertFalse(Fold.hasAsciiDigit(null));
        assertEquals(java.util.regex.Pattern.compile("\\d").matcher("\u0663\uFF15").find(),
                Fold.hasAsciiDigit("\u0663\uFF15"));
    }

    @Test
    void foldsVietnamese() {
        assertEquals("so thong tin va truyen thong", Fold.fold("  Sở Thông tin\tvà\n\nTruyền thông "));
        assertEquals("dong nai", Fold.fold("ÐỒNG NAI"));
        assertEquals("Đồng Nai", Fold.nfc("Ðồng Nai"));
        assertEquals("hoa", Fold.fold("hoa\u0300"), "decomposed input takes the full path");
        assertTrue(Fold.hasDiacritics("Đồng"));
        assertFalse(Fold.hasDiacritics("Dong  Nai"));
        assertEquals("", Fold.fold(null));
        assertEquals("", Fold.nfc(null));
    }

    @Test
    void everyCharacterOfTheTableAloneAndBetweenSpaces() {
        for (char c : tableRange()) {
            for (String s : new String[] {String.valueOf(c), " " + c + "  x", "A" + c + c, c + "\u0301"}) {
                assertEquals(Fold.slowNfc(s), Fold.nfc(s), () -> "nfc of U+" + Integer.toHexString(c));
                assertEquals(Fold.slowFold(s), Fold.fold(s), () -> "fold of U+" + Integer.toHexString(c));
                assertEquals(Fold.slowHasDiacritics(s), Fold.hasDiacritics(s), () -> "diacritics of U+" + Integer.toHexString(c));
            }
        }
    }

    /** The table path is sound only if no two characters of its range compose under NFC. */
    @Test
    void noPairOfTheTableComposes() {
        List<Character> range = tableRange();
        StringBuilder pair = new StringBuilder("xx");
        for (char a : range) {
            pair.setCharAt(0, a);
            for (char b : range) {
                pair.setCharAt(1, b);
                String p = pair.toString();
                String n = Normalizer.normalize(p, Normalizer.Form.NFC);
                if (!n.equals(Normalizer.normalize(String.valueOf(a), Normalizer.Form.NFC)
                        + Normalizer.normalize(String.valueOf(b), Normalizer.Form.NFC))) {
                    throw new AssertionError("U+" + Integer.toHexString(a) + " U+" + Integer.toHexString(b) + " compose");
                }
            }
        }
    }

    @Test
    void randomTextsMatchTheFullPath() {
        Random random = new Random(146);
        List<Character> range = tableRange();
        String extra = " \t\n\r\u000B\f\u00A0\u2003\u001C\u0300\u0301\u0323\u0110\u00D0\u00F0\u0130\u03A3\u4E2D";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(random.nextInt(3) == 0 ? extra.charAt(random.nextInt(extra.length()))
                        : range.get(random.nextInt(range.size())));
            }
            String s = sb.toString();
            assertEquals(Fold.slowNfc(s), Fold.nfc(s), s);
            assertEquals(Fold.slowFold(s), Fold.fold(s), s);
            assertEquals(Fold.slowHasDiacritics(s), Fold.hasDiacritics(s), s);
        }
    }
}

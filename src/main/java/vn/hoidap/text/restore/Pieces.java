package vn.hoidap.text.restore;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits text into {@link Piece}s; concatenating the pieces gives back the (NFC) text exactly. */
final class Pieces {

    /** Characters OCR puts where a letter was ("S&" Sở, "¢6" có, "k¥" kỹ, "$0" số, "@)" a)). */
    static final String OCR_LETTERS = "¢&¥§$@";

    /** Longer cores are not syllables: URLs, glued words; they are kept as written. */
    private static final int MAX_WORD_LENGTH = 8;
    /** Onset, vowel nucleus and coda of a Vietnamese syllable, on folded letters. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`]");

    private Pieces() {
    }

    static List<Piece> split(String text) {
        String s = Fold.nfc(text);
        List<Piece> out = new ArrayList<>();
        StringBuilder gap = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                gap.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            String chunk = s.substring(i, end);
            int a = 0;
            while (a < chunk.length() && !isWordChar(chunk.charAt(a))) {
                a++;
            }
            int b = chunk.length();
            while (b > a && !isWordChar(chunk.charAt(b - 1))) {
                b--;
            }
            gap.append(chunk, 0, a);
            if (b > a) {
                flush(gap, out);
                String core = chunk.substring(a, b);
                // "50%" is fifty per cent, never "số".
                boolean percent = b < chunk.length() && chunk.charAt(b) == '%';
                out.add(new Piece(core, percent ? Piece.Kind.NUMBER : classify(core)));
            }
            gap.append(chunk, b, chunk.length());
            i = end;
        }
        flush(gap, out);
        return out;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || OCR_LETTERS.indexOf(c) >= 0;
    }

    /** The form the language model counts: lower-case, numbers as one class. */
    static String lmForm(Piece p) {
        return p.kind() == Piece.Kind.NUMBER ? "<num>" : p.text().toLowerCase(Locale.ROOT);
    }

    /**
     * An upper-case letter group that no Vietnamese syllable could be (UBND, CNTT, STEM, VNPT): an
     * abbreviation, kept as written rather than "restored" into a look-alike syllable.
     */
    static boolean isAbbreviation(String word) {
        if (word.length() < 2 || !word.chars().allMatch(c -> Character.isLetter(c) && Character.isUpperCase(c))) {
            return false;
        }
        return !SYLLABLE.matcher(vn.hoidap.text.Fold.fold(word)).matches();
    }

    /** OCR sprinkles apostrophes into words ("hq'p" hợp, "chwo’ng" chương); they are not part of a syllable. */
    static String withoutApostrophes(String word) {
        return APOSTROPHES.matcher(word).replaceAll("");
    }

    private static Piece.Kind classify(String core) {
        String bare = withoutApostrophes(core);
        if (!bare.equals(core) && !bare.isEmpty() && bare.chars().allMatch(Character::isLetter)) {
            return bare.length() > MAX_WORD_LENGTH ? Piece.Kind.COMPOUND : Piece.Kind.WORD;
        }
        boolean digits = true;
        boolean letters = false;
        for (int k = 0; k < core.length(); k++) {
            char c = core.charAt(k);
            if (!isWordChar(c) || (c == '&' && k < core.length() - 1)) {
                return Piece.Kind.COMPOUND;
            }
            if (!Character.isDigit(c)) {
                digits = false;
            }
            if (Character.isLetter(c)) {
                letters = true;
            }
        }
        if (digits) {
            // "s6", "50", "$0" stand for "số" in OCR text; a bare one- or two-digit token made only of
            // look-alike digits may be such a letter group, so it gets candidates (the original stays one).
            return core.length() <= 2 && core.chars().allMatch(c -> "0568".indexOf(c) >= 0)
                    ? Piece.Kind.WORD : Piece.Kind.NUMBER;
        }
        if (core.length() > MAX_WORD_LENGTH || !letters && core.chars().noneMatch(Character::isDigit)) {
            return Piece.Kind.COMPOUND;
        }
        return Piece.Kind.WORD;
    }

    private static void flush(StringBuilder gap, List<Piece> out) {
        if (!gap.isEmpty()) {
            out.add(new Piece(gap.toString(), Piece.Kind.GAP));
            gap.setLength(0);
        }
    }
}

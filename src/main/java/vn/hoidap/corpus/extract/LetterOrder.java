package vn.hoidap.corpus.extract;

import java.util.List;
import java.util.Locale;

/**
 * Lettered items follow the Vietnamese alphabet (a b c d đ e g h i k …; some plans also use f). OCR loses
 * the stroke of đ ("d)" twice), reads a) as "@)", c) as "¢)", or drops the letter: the order decides.
 */
final class LetterOrder {

    private static final List<String> ALPHABET = List.of("a", "b", "c", "d", "đ", "e", "f", "g", "h", "i", "k", "l",
            "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y");

    private LetterOrder() {
    }

    /** The letter an item most likely carries, given what OCR printed and the previous letter of its list. */
    static String resolve(String printed, String previous) {
        int prev = previous == null ? -1 : ALPHABET.indexOf(previous);
        String expected = prev + 1 < ALPHABET.size() ? ALPHABET.get(prev + 1) : "?";
        String raw = switch (printed) {
            case "@" -> "a";
            case "¢" -> "c";
            default -> printed.toLowerCase(Locale.ROOT);
        };
        if ("đ".equals(expected) && "d".equals(raw)) {
            return "đ";
        }
        int at = ALPHABET.indexOf(raw);
        if (at < 0) {
            return expected;
        }
        // Accept what is printed when it moves forward by one or two (skipping the optional f) or restarts a list.
        if ((at > prev && at <= prev + 2) || at == 0) {
            return raw;
        }
        // "c)" read as "e)" and similar: a letter out of order is an OCR slip, the order is right.
        return Math.abs(at - (prev + 1)) <= 2 ? expected : raw;
    }
}

package vn.hoidap.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bold headings extracted from some PDFs print every character twice ("IIII..  TTRRIIỂỂNN  KKHHAAII").
 * A token is collapsed only when every character pair is identical, it has at least 4 characters and the
 * line holds at least 2 such tokens, so a genuine "TT" or "TTg" is never touched.
 */
final class DoubledLetters {

    private static final Pattern TOKEN = Pattern.compile("\\S+");

    private DoubledLetters() {
    }

    static String undouble(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
        }
        long doubled = tokens.stream().filter(t -> t.length() >= 4 && isDoubled(t)).count();
        if (doubled < 2) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (String t : tokens) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            // In a line known to be doubled, two-character pairs ("ỞỞ") are single letters printed twice too.
            out.append(t.length() >= 2 && isDoubled(t) ? halve(t) : t);
        }
        String leading = line.substring(0, line.length() - line.stripLeading().length());
        return leading + out;
    }

    static boolean isDoubled(String token) {
        if (token.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < token.length(); i += 2) {
            if (token.charAt(i) != token.charAt(i + 1)) {
                return false;
            }
        }
        return true;
    }

    private static String halve(String token) {
        StringBuilder b = new StringBuilder(token.length() / 2);
        for (int i = 0; i < token.length(); i += 2) {
            b.append(token.charAt(i));
        }
        return b.toString();
    }
}

package vn.hoidap.portal;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the query's words in a snippet, compared folded (as the search compares them), so "chu ky so" marks
 * "chữ ký số". The result is a list of segments the template writes as text, marked ones inside {@code <mark>}:
 * no markup is ever built from the snippet.
 */
final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** One-letter words ("a", "ở") would mark half a sentence. */
    private static final int MIN_WORD = 2;

    record Segment(String text, boolean marked) {
    }

    private Highlighter() {
    }

    static Set<String> words(String query) {
        Set<String> out = new HashSet<>();
        if (query == null) {
            return out;
        }
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            String w = Fold.fold(m.group());
            if (w.length() >= MIN_WORD) {
                out.add(w);
            }
        }
        return out;
    }

    static List<Segment> segments(String snippet, Set<String> words) {
        List<Segment> out = new ArrayList<>();
        if (snippet == null || snippet.isEmpty()) {
            return out;
        }
        Matcher m = WORD.matcher(snippet);
        int last = 0;
        StringBuilder plain = new StringBuilder();
        while (m.find()) {
            if (words.contains(Fold.fold(m.group()))) {
                plain.append(snippet, last, m.start());
                if (!plain.isEmpty()) {
                    out.add(new Segment(plain.toString(), false));
                    plain.setLength(0);
                }
                out.add(new Segment(m.group(), true));
                last = m.end();
            }
        }
        plain.append(snippet.substring(last));
        if (!plain.isEmpty()) {
            out.add(new Segment(plain.toString(), false));
        }
        return out;
    }
}

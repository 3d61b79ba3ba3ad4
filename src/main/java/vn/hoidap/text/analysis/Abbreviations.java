package vn.hoidap.text.analysis;

import vn.hoidap.text.Fold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations from {@code corpus/abbreviations.txt}, expanded in place before analysis: "Sở TT&TT" →
 * "Sở TT&TT thông tin và truyền thông". Done on the text rather than with a synonym graph so the same
 * expansion serves every field (unigrams, bigrams, folded and not) at index and at query time.
 */
public final class Abbreviations {

    /** A word with inner "&" or "-" ("TT&TT", "LĐ-TB&XH"), never crossing "/" ("146/QĐ-TTg" is a number). */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}/&-])[\\p{L}\\p{N}]+(?:[&-][\\p{L}\\p{N}]+)*(?![\\p{L}\\p{N}/&-])");

    private final Map<String, String> anyCase;
    private final Map<String, String> capitalsOnly;

    private Abbreviations(Map<String, String> anyCase, Map<String, String> capitalsOnly) {
        this.anyCase = Map.copyOf(anyCase);
        this.capitalsOnly = Map.copyOf(capitalsOnly);
    }

    public static Abbreviations none() {
        return new Abbreviations(Map.of(), Map.of());
    }

    public static Abbreviations load(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Abbreviations parse(List<String> lines) {
        Map<String, String> anyCase = new HashMap<>();
        Map<String, String> capitals = new HashMap<>();
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int arrow = line.indexOf("=>");
            if (line.isEmpty() || arrow < 0) {
                continue;
            }
            String expansion = Fold.nfc(line.substring(arrow + 2).strip());
            for (String form : line.substring(0, arrow).split("\\|")) {
                String f = form.strip();
                if (f.startsWith("!")) {
                    capitals.put(Fold.nfc(f.substring(1)), expansion);
                } else if (!f.isEmpty()) {
                    anyCase.put(key(f), expansion);
                }
            }
        }
        return new Abbreviations(anyCase, capitals);
    }

    /** "cntt" → "công nghệ thông tin", or null. */
    public String expansionOf(String word) {
        String capital = capitalsOnly.get(word);
        return capital != null ? capital : anyCase.get(key(word));
    }

    /** The text with every known abbreviation followed by its expansion; unchanged when there is none. */
    public String expand(String text) {
        if (text == null || text.isEmpty() || (anyCase.isEmpty() && capitalsOnly.isEmpty())) {
            return text == null ? "" : text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String word = m.group();
            if (word.length() > 12) {
                continue;
            }
            String expansion = expansionOf(word);
            if (expansion != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 64);
                }
                out.append(text, last, m.end()).append(' ').append(expansion).append(' ');
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    public int size() {
        return anyCase.size() + capitalsOnly.size();
    }

    /** The folded form with only [a-z0-9] kept ("TT&TT" → "tttt"); looked up for every word of every unit. */
    private static String key(String form) {
        String f = Fold.fold(form);
        StringBuilder sb = null;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!keep && sb == null) {
                sb = new StringBuilder(f.length()).append(f, 0, i);
            } else if (keep && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? f : sb.toString();
    }
}

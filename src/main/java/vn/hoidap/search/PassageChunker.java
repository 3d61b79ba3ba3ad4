package vn.hoidap.search;

import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts plan text into passages of a few hundred characters that stay inside one section. From the outline
 * when the plan has one; otherwise from the raw text, with headings ("II. NHIỆM VỤ", "2.1.", "a)")
 * recognised line by line, so each passage still carries its breadcrumb and anchor.
 */
final class PassageChunker {

    /** A passage: outline path, anchor, breadcrumb title, text and its character range in the plan text. */
    record Passage(String path, String anchor, String title, String text, int start, int end) {
    }

    private static final int TARGET = 700;
    private static final int MAX = 1400;
    private static final Pattern ROMAN = Pattern.compile("^(?:PHẦN\\s+|Phần\\s+)?([IVX][IVXl]{0,4})\\.\\s*\\S.*");
    private static final Pattern NUMBERED = Pattern.compile(
            "^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.\\s*\\p{Lu}.*|^(\\d{1,2}(?:\\.\\d{1,2}){1,3})\\s+\\p{Lu}.*");
    private static final Pattern LETTERED = Pattern.compile("^([a-zđ])\\)\\s+\\S.*");

    private PassageChunker() {
    }

    static List<Passage> fromOutline(List<Section> outline, String planText) {
        List<Passage> out = new ArrayList<>();
        for (Section s : outline) {
            walk(s, "", planText, out);
        }
        return out;
    }

    private static void walk(Section s, String parentTitle, String planText, List<Passage> out) {
        String heading = s.heading() == null ? "" : s.heading().strip();
        String title = parentTitle.isEmpty() ? heading : parentTitle + " › " + heading;
        String body = s.text() == null ? "" : s.text().strip();
        if (!body.isEmpty() || s.children().isEmpty()) {
            int at = body.length() >= 40 ? planText.indexOf(body.substring(0, 40)) : -1;
            List<String> pieces = split(body);
            int offset = Math.max(at, 0);
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                String id = i == 0 ? s.path() : s.path() + "#" + (i + 1);
                out.add(new Passage(id, s.anchor(), title, heading + "\n" + piece,
                        at < 0 ? -1 : offset, at < 0 ? -1 : offset + piece.length()));
                offset += piece.length();
            }
        }
        for (Section child : s.children()) {
            walk(child, title, planText, out);
        }
    }

    /** Splits a long text at paragraph or sentence ends into pieces of about {@link #TARGET} characters. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String para : text.split("\n")) {
            if (current.length() >= TARGET || current.length() + para.length() > MAX) {
                if (!current.isEmpty()) {
                    pieces.add(current.toString().strip());
                    current.setLength(0);
                }
            }
            current.append(para).append('\n');
        }
        if (!current.toString().isBlank() || pieces.isEmpty()) {
            pieces.add(current.toString().strip());
        }
        return pieces;
    }

    /** Passages of raw text, under the nearest recognised heading. */
    static List<Passage> fromText(String text) {
        List<Passage> out = new ArrayList<>();
        String[] headings = new String[4]; // roman, number, sub-number, letter
        String[] paths = new String[4];
        Chunk chunk = new Chunk();
        int pos = 0;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            int lineStart = pos;
            pos += line.length() + 1;
            lineNo++;
            String l = undouble(line.strip());
            int level = l.length() <= 160 ? headingLevel(l) : -1;
            if (level >= 0) {
                chunk.flush(out, headings, paths);
                String key = key(l, level);
                headings[level] = l;
                paths[level] = key;
                for (int i = level + 1; i < 4; i++) {
                    headings[i] = null;
                    paths[i] = null;
                }
                chunk.start(l, lineStart);
                chunk.end = pos;
                continue;
            }
            if (l.isEmpty()) {
                if (chunk.size() >= TARGET) {
                    chunk.flush(out, headings, paths);
                }
                continue;
            }
            if (chunk.size() >= MAX || (chunk.size() >= TARGET && endsSentence(chunk.text))) {
                chunk.flush(out, headings, paths);
            }
            if (chunk.text.isEmpty()) {
                chunk.start("", lineStart);
            }
            chunk.add(l);
            chunk.end = pos;
        }
        chunk.flush(out, headings, paths);
        return out;
    }

    /**
     * Undoes PDF bold doubling on a line ("MMỤỤCC  ĐĐÍÍCCHH" → "MỤC ĐÍCH"): a word is collapsed only if
     * every character pair is identical and it has at least 4 characters, and only when the line has at
     * least 2 such words, so "TT" or a lone "HHCC" stay as written.
     */
    static String undouble(String line) {
        String[] words = line.split("\\s+");
        int doubled = 0;
        for (String w : words) {
            if (isDoubled(w)) {
                doubled++;
            }
        }
        if (doubled < 2) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            if (isDoubled(w)) {
                for (int i = 0; i < w.length(); i += 2) {
                    sb.append(w.charAt(i));
                }
            } else {
                sb.append(w);
            }
        }
        return sb.toString();
    }

    private static boolean isDoubled(String w) {
        if (w.length() < 4 || w.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < w.length(); i += 2) {
            if (w.charAt(i) != w.charAt(i + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsSentence(StringBuilder text) {
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && ".;:".indexOf(text.charAt(i)) >= 0;
    }

    private static int headingLevel(String line) {
        if (ROMAN.matcher(line).matches() && !line.startsWith("V.v") && !line.startsWith("I.e")) {
            return 0;
        }
        Matcher n = NUMBERED.matcher(line);
        if (n.matches()) {
            return numberKey(n).contains(".") ? 2 : 1;
        }
        return LETTERED.matcher(line).matches() ? 3 : -1;
    }

    private static String key(String line, int level) {
        Matcher m = switch (level) {
            case 0 -> ROMAN.matcher(line);
            case 1, 2 -> NUMBERED.matcher(line);
            default -> LETTERED.matcher(line);
        };
        if (!m.matches()) {
            return "?";
        }
        // OCR reads "II." as "Il."
        return level == 1 || level == 2 ? numberKey(m) : m.group(1).replace('l', 'I');
    }

    private static String numberKey(Matcher numbered) {
        return numbered.group(1) != null ? numbered.group(1) : numbered.group(2);
    }

    /** The lines gathered for the passage being built. */
    private static final class Chunk {
        final StringBuilder text = new StringBuilder();
        int begin;
        int end;
        int part;
        String lastPath = "";

        void start(String heading, int at) {
            text.setLength(0);
            if (!heading.isEmpty()) {
                text.append(heading).append('\n');
            }
            begin = at;
        }

        void add(String line) {
            text.append(line).append(line.endsWith(".") || line.endsWith(":") || line.endsWith(";") ? "\n" : " ");
        }

        int size() {
            return text.length();
        }

        void flush(List<Passage> out, String[] headings, String[] paths) {
            String body = text.toString().strip();
            text.setLength(0);
            if (body.isEmpty()) {
                return;
            }
            StringBuilder path = new StringBuilder();
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                if (paths[i] != null) {
                    // "1.1" already names its parent "1": the path is "II.1.1", not "II.1.1.1"
                    if (!(i == 1 && paths[2] != null)) {
                        path.append(path.isEmpty() ? "" : ".").append(paths[i]);
                    }
                    title.append(title.isEmpty() ? "" : " › ").append(headings[i]);
                }
            }
            String p = path.isEmpty() ? "0" : path.toString();
            part = p.equals(lastPath) ? part + 1 : 1;
            lastPath = p;
            String id = part == 1 ? p : p + "#" + part;
            String t = title.isEmpty() ? "Phần mở đầu" : title.toString();
            out.add(new Passage(id, Anchors.of(path.isEmpty() ? null : p), t, body, begin, end));
        }
    }
}

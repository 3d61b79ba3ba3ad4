package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.Section;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the outline of a plan from its repaired text (one paragraph per line): parts ("Phần IV" → "IV"),
 * roman sections ("II."), numbered ("1.", "1.1.") and lettered items ("a)" … "đ)"), and the appendix ("PL").
 * Paths: a numbered heading hangs under the nearest roman section or part ("1.1" under "II." → "II.1.1");
 * letters under their parent ("III.2.a"); parts prefix everything below them ("IV.I.1.a"). The appendix is
 * one section whose text keeps its table lines.
 */
public final class OutlineParser {

    private OutlineParser() {
    }

    public static List<Section> parse(String repairedText) {
        return parse(repairedText, repairedText);
    }

    /**
     * The outline of {@code structureText} (repaired, as OCR read it: its markers "I11.", "@)", "Phan |" are
     * what the parser knows), with headings and text taken from {@code displayText}, the same text line by line
     * after diacritic restoration, which may have touched those markers. When the two do not have the same
     * lines, the structure text is shown. The appendix table keeps its OCR lines, which its reader is built for.
     */
    public static List<Section> parse(String structureText, String displayText) {
        List<Node> roots = new ArrayList<>();
        Deque<Node> open = new ArrayDeque<>();
        Map<Node, String> lastLetter = new HashMap<>();
        Set<String> used = new HashSet<>();
        String[] lines = structureText.split("\n");
        String[] shown = displayText.split("\n");
        if (shown.length != lines.length) {
            shown = lines;
        }
        Node appendix = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Heading h = Heading.parse(line);
            if (appendix != null && (h == null || h.kind() != Heading.Kind.APPENDIX)) {
                appendix.text.add(line); // an appendix is a table: its lines are cells, not headings
                continue;
            }
            if (h == null) {
                if (!open.isEmpty()) {
                    open.peek().text.add(shown[i].strip());
                }
                continue;
            }
            while (!open.isEmpty() && open.peek().level >= h.level()) {
                open.pop();
            }
            Node parent = open.peek();
            String title = shownTitle(h.title(), shown[i]);
            // "Phần I" / "PHỤ LỤC" print their title on the next line.
            if ((h.kind() == Heading.Kind.PART || h.kind() == Heading.Kind.APPENDIX) && title.isEmpty()
                    && i + 1 < lines.length && Heading.parse(lines[i + 1]) == null
                    && !vn.hoidap.text.MarkdownConversion.TABLE_ROW.matcher(lines[i + 1].strip()).matches()) {
                title = shown[++i].strip();
            }
            String key = h.key();
            String marker;
            String path;
            switch (h.kind()) {
                case PART -> {
                    path = key;
                    marker = "Phần " + key;
                }
                case APPENDIX -> {
                    path = key.isEmpty() ? "PL" : "PL" + key;
                    marker = "Phụ lục" + (key.isEmpty() ? "" : " " + key);
                }
                case ROMAN -> {
                    path = join(parent == null ? null : parent.path, key);
                    marker = key + ".";
                }
                case NUMBERED -> {
                    path = join(nearestNonNumbered(open), key);
                    marker = key + ".";
                }
                default -> {
                    key = LetterOrder.resolve(key, lastLetter.get(parent));
                    lastLetter.put(parent, key);
                    path = join(parent == null ? null : parent.path, key);
                    marker = key + ")";
                }
            }
            path = unique(path, used);
            Node node = new Node(path, h.level(), marker + (title.isEmpty() ? "" : " " + title));
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children.add(node);
            }
            open.push(node);
            if (h.kind() == Heading.Kind.APPENDIX) {
                appendix = node;
            }
        }
        // The appendix is a table: its groups and rows become sections of their own ("PL.II", "PL.II.3").
        // Tables written as rows (Markdown conversions) are read by their headers wherever they stand; an OCR'd
        // appendix table, whose cells are scattered over lines, by the OCR table reader.
        return roots.stream().map(Node::toSection).map(OutlineParser::withTables)
                .map(s -> s.path().startsWith("PL") && s.children().isEmpty() ? AppendixTableReader.structure(s) : s)
                .toList();
    }

    private static Section withTables(Section s) {
        Section structured = TableSections.structure(s);
        List<Section> children = structured.children().stream().map(OutlineParser::withTables).toList();
        return new Section(structured.path(), structured.anchor(), structured.heading(), structured.text(), children);
    }

    /** The title as displayed: the same number of words, counted from the end of the displayed line. */
    private static String shownTitle(String structureTitle, String shownLine) {
        if (structureTitle.isEmpty()) {
            return "";
        }
        String[] words = shownLine.strip().split("\\s+");
        int n = structureTitle.split("\\s+").length;
        return n <= words.length ? String.join(" ", List.of(words).subList(words.length - n, words.length))
                : structureTitle;
    }

    private static String nearestNonNumbered(Deque<Node> open) {
        for (Node n : open) {
            if (n.level < Heading.Kind.NUMBERED.level) {
                return n.path;
            }
        }
        return null;
    }

    private static String join(String parent, String key) {
        return parent == null ? key : parent + "." + key;
    }

    private static String unique(String path, Set<String> used) {
        String p = path;
        for (int n = 2; !used.add(p); n++) {
            p = path + "-" + n;
        }
        return p;
    }

    /** Every section of an outline, depth first. */
    public static List<Section> flatten(List<Section> outline) {
        List<Section> all = new ArrayList<>();
        Deque<Section> stack = new ArrayDeque<>();
        for (int i = outline.size() - 1; i >= 0; i--) {
            stack.push(outline.get(i));
        }
        while (!stack.isEmpty()) {
            Section s = stack.pop();
            all.add(s);
            for (int i = s.children().size() - 1; i >= 0; i--) {
                stack.push(s.children().get(i));
            }
        }
        return all;
    }

    /** The heading without its marker: "1.1. Xây dựng …" → "Xây dựng …". */
    public static String title(Section s) {
        String h = s.heading();
        String stripped = h.replaceFirst("^(Phần \\S+|Phụ lục( \\S+)?|\\S+[.)])\\s*", "");
        return stripped.isEmpty() ? h : stripped;
    }

    private static final class Node {
        final String path;
        final int level;
        final String heading;
        final List<String> text = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String path, int level, String heading) {
            this.path = path;
            this.level = level;
            this.heading = heading;
        }

        Section toSection() {
            return new Section(path, Anchors.of(path), heading, String.join("\n", text),
                    children.stream().map(Node::toSection).toList());
        }
    }
}

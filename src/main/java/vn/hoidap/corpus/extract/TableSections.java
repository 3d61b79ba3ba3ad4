package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.Section;
import vn.hoidap.text.MarkdownConversion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the table rows of a section ({@code | 1 | Triển khai … | Sở KH&CN | … |}, as the repair writes them)
 * into outline sections, so that every row has an anchor and reads as labelled lines: a group row ("A",
 * "I. NÂNG CAO NHẬN THỨC …", "5.1 Thương mại") becomes a section, each data row a child numbered as the
 * table numbers it ("PL.A.I.1.1"), whose text is "- Cơ quan chủ trì: Sở KH&CN" and so on under the
 * document's own headers. Columns are told by {@link TableColumns}; a repeated header starts new columns.
 */
final class TableSections {

    private static final Pattern LETTER_KEY = Pattern.compile("^[A-ZĐ]$");
    private static final Pattern ROMAN_KEY = Pattern.compile("^[IVXL]{1,6}$");
    private static final Pattern ARABIC_KEY = Pattern.compile("^\\d{1,3}(\\.\\d{1,3})*$");
    private static final Pattern KEYED_TITLE = Pattern.compile("^([A-ZĐ]|[IVXL]{1,6}|\\d{1,3}(?:\\.\\d{1,3})*)[.)]?\\s+(\\S.*)$");
    private static final Set<TableColumns.Role> LABELLED = Set.of(TableColumns.Role.LEAD,
            TableColumns.Role.COORDINATE, TableColumns.Role.TIMELINE, TableColumns.Role.RESULT,
            TableColumns.Role.UNIT, TableColumns.Role.VALUE, TableColumns.Role.NOTE, TableColumns.Role.OTHER);

    private TableSections() {
    }

    private record Group(int rank, String key, Node builder) {
    }

    private static final class Node {
        final String path;
        final String heading;
        final List<String> text = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String path, String heading) {
            this.path = path;
            this.heading = heading;
        }

        Section build() {
            return new Section(path, Anchors.of(path), heading, String.join("\n", text),
                    children.stream().map(Node::build).toList());
        }
    }

    /** True when the section's own text holds a table with a header this reader knows. */
    static boolean hasTable(Section s) {
        for (String line : s.text().split("\n")) {
            if (MarkdownConversion.TABLE_ROW.matcher(line.strip()).matches()
                    && TableColumns.of(MarkdownConversion.cells(line)) != null) {
                return true;
            }
        }
        return false;
    }

    /** The section with its table rows as children; unchanged when it holds no recognised table. */
    static Section structure(Section s) {
        if (!hasTable(s)) {
            return s;
        }
        List<String> before = new ArrayList<>();
        List<Section> topLevel = new ArrayList<>(s.children());
        Deque<Group> open = new ArrayDeque<>();
        TableColumns columns = null;
        List<Node> roots = new ArrayList<>();
        List<Object> order = new ArrayList<>(); // top-level builders and finished rows, in document order
        for (String raw : s.text().split("\n")) {
            String line = raw.strip();
            if (!MarkdownConversion.TABLE_ROW.matcher(line).matches()) {
                if (columns == null) {
                    before.add(raw);
                }
                continue;
            }
            List<String> cells = MarkdownConversion.cells(line);
            TableColumns header = TableColumns.of(cells);
            if (header != null) {
                columns = header;
                continue;
            }
            if (columns == null) {
                before.add(raw);
                continue;
            }
            List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
            if (filled.isEmpty()) {
                continue;
            }
            if (isGroup(cells, filled, columns)) {
                String key;
                String title;
                if (filled.size() == 2) {
                    key = filled.get(0).replaceFirst("[.)]$", "");
                    title = filled.get(1);
                } else {
                    Matcher k = KEYED_TITLE.matcher(filled.get(0));
                    key = k.matches() ? k.group(1) : null;
                    title = k.matches() ? k.group(2) : filled.get(0);
                }
                int rank = rank(key);
                while (!open.isEmpty() && open.peek().rank() >= rank) {
                    open.pop();
                }
                String parentPath = open.isEmpty() ? s.path() : open.peek().builder().path;
                String groupKey = key == null ? String.valueOf(countChildren(open, roots) + 1) : key;
                Node g = new Node(join(parentPath, groupKey),
                        (key == null ? "" : key + ". ") + title);
                if (open.isEmpty()) {
                    roots.add(g);
                    order.add(g);
                } else {
                    open.peek().builder().children.add(g);
                }
                open.push(new Group(rank, groupKey, g));
                continue;
            }
            String number = columns.number(cells);
            String title = columns.cell(cells, TableColumns.Role.TASK);
            if (title == null) {
                title = columns.cell(cells, TableColumns.Role.INDICATOR);
            }
            if (title == null) {
                continue;
            }
            String parentPath = open.isEmpty() ? s.path() : open.peek().builder().path;
            String key = number == null ? String.valueOf(countRows(open, roots) + 1) : number.replaceFirst("[.)]$", "");
            List<String> text = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                TableColumns.Role role = columns.roleAt(c);
                if (!LABELLED.contains(role)) {
                    continue;
                }
                String v = columns.cellAt(cells, c);
                if (v != null) {
                    text.add("- " + columns.headerAt(c) + ": " + v);
                }
            }
            Node row = new Node(join(parentPath, key), (number == null ? "" : key + ". ") + title);
            row.text.addAll(text);
            if (open.isEmpty()) {
                roots.add(row);
                order.add(row);
            } else {
                open.peek().builder().children.add(row);
            }
        }
        List<Section> children = new ArrayList<>(topLevel);
        for (Node b : roots) {
            children.add(b.build());
        }
        return new Section(s.path(), s.anchor(), s.heading(), String.join("\n", before).strip(), children);
    }

    private static int countChildren(Deque<Group> open, List<Node> roots) {
        return open.isEmpty() ? roots.size() : open.peek().builder().children.size();
    }

    private static int countRows(Deque<Group> open, List<Node> roots) {
        return countChildren(open, roots);
    }

    /**
     * A group row names a part of the table: one filled cell ("I. NÂNG CAO NHẬN THỨC …"), or a short key and
     * one text ("A | PHÁT TRIỂN NỀN MÓNG …", "5.1 | | Thương mại"), with no agency or time cell filled.
     */
    private static boolean isGroup(List<String> cells, List<String> filled, TableColumns columns) {
        if (filled.size() == 1) {
            return true;
        }
        String key = filled.get(0).replaceFirst("[.)]$", "");
        if (filled.size() != 2 || key.length() > 6) {
            return false;
        }
        if (LETTER_KEY.matcher(key).matches() || ROMAN_KEY.matcher(key).matches()) {
            return true;
        }
        String text = filled.get(1);
        boolean noAssignment = columns.cell(cells, TableColumns.Role.LEAD) == null
                && columns.cell(cells, TableColumns.Role.TIMELINE) == null;
        return noAssignment && (text.split("\\s+").length <= 10 || text.equals(text.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Letters (A, B) above Roman numerals above numbers (5.1): the usual nesting of plan tables. */
    private static int rank(String key) {
        if (key == null) {
            return 1;
        }
        if (ROMAN_KEY.matcher(key).matches()) {
            return 1;
        }
        if (LETTER_KEY.matcher(key).matches()) {
            return 0;
        }
        if (ARABIC_KEY.matcher(key).matches()) {
            return 2 + key.split("\\.").length;
        }
        return 1;
    }

    private static String join(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }

    static String anchorOf(String path) {
        return Anchors.of(path);
    }
}

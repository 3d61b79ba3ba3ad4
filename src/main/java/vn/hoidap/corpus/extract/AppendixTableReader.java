package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best-effort reader for an OCR'd appendix table (TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời
 * gian). OCR flattens the table into lines where cells of one row interleave and the row number sits in the
 * middle of its row (vertically centred). So: group rows ("I | Xây dựng cơ chế chính sách", "Nhiệm vụ về
 * phổ cập …") are recognised by their wording, row numbers by their expected order within the group, and
 * each row takes the lines half-way to its neighbours. On each line, text before the first agency-looking
 * cell is task text; agency cells split into lead (first column) and coordinating (second).
 */
final class AppendixTableReader {

    private static final Pattern ROW = Pattern.compile("^(?:[a-zA-Z](?=\\d{1,2}\\s*\\|))?(\\d{1,2})(?:\\s*\\||\\s+|$)(.*)$");
    private static final Pattern GROUP = Pattern.compile(
            "^(?:[ivxl1|]{1,4}\\s*\\|?\\s*\\|?\\s*)?((?:nhiem vu|x\\w?y dung co che|nang cao nhan th\\w{0,2}c"
                    + "|pho c\\w{0,2}p|phat trien nguon nhan)\\b.*)$");
    private static final Pattern MANGLED_ROW = Pattern.compile("^[^\\d|\\s]\\s*\\|\\s*[^|\\s].*$");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]");
    private static final Pattern YEAR_LINE = Pattern.compile("^20\\d\\d\\s*-\\s*20\\d\\d$");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
    private static final List<String> HEADER_WORDS = List.of("tt", "stt", "nhiem vu", "don vi chu tri",
            "don vi phoi hop", "thoi gian", "co quan chu tri", "co quan phoi hop");

    private AppendixTableReader() {
    }

    private static final class Row {
        final int group;
        final String groupTitle;
        final int number;
        final int markerLine;
        final List<String> lines = new ArrayList<>();

        Row(int group, String groupTitle, int number, int markerLine) {
            this.group = group;
            this.groupTitle = groupTitle;
            this.number = number;
            this.markerLine = markerLine;
        }
    }

    /**
     * The appendix section with its table structured: the lines before the first group stay its text; each
     * group becomes a child ("PL.II", heading "II. Nhiệm vụ nâng cao nhận thức …") and each row a grandchild
     * ("PL.II.3") whose text is the row's lines as OCR'd.
     */
    static Section structure(Section appendix) {
        List<String> lines = List.of(appendix.text().split("\n"));
        List<Row> rows = rows(lines);
        if (rows.isEmpty()) {
            return appendix;
        }
        int firstGroup = firstGroupLine(lines);
        List<Section> groups = new ArrayList<>();
        int g = 0;
        List<Section> groupRows = new ArrayList<>();
        String groupTitle = null;
        for (Row row : rows) {
            if (row.group != g) {
                if (g > 0) {
                    groups.add(group(appendix.path(), g, groupTitle, groupRows));
                }
                g = row.group;
                groupTitle = row.groupTitle;
                groupRows = new ArrayList<>();
            }
            String path = appendix.path() + "." + roman(row.group) + "." + row.number;
            groupRows.add(new Section(path, Anchors.of(path), row.number + ". " + title(row.lines),
                    String.join("\n", row.lines), List.of()));
        }
        groups.add(group(appendix.path(), g, groupTitle, groupRows));
        return new Section(appendix.path(), appendix.anchor(), appendix.heading(),
                String.join("\n", lines.subList(0, Math.max(0, firstGroup))), groups);
    }

    private static Section group(String root, int index, String title, List<Section> rows) {
        String path = root + "." + roman(index);
        return new Section(path, Anchors.of(path), roman(index) + ". " + title, "", rows);
    }

    /** Tasks from the rows of a structured appendix section. */
    static List<Task> read(String planId, Section appendix, Function<String, List<AgencyMention>> mentions) {
        List<Task> tasks = new ArrayList<>();
        for (Section group : appendix.children()) {
            String groupTitle = OutlineParser.title(group);
            for (Section row : group.children()) {
                tasks.add(toTask(planId, row, groupTitle, mentions));
            }
        }
        return tasks;
    }

    /** The rows of the table, group by group, each with the lines it owns. */
    private static List<Row> rows(List<String> lines) {
        // Groups and their line spans.
        List<int[]> groupSpans = new ArrayList<>();
        List<String> groupTitles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isGroup(lines.get(i))) {
                groupSpans.add(new int[] {i, lines.size()});
                groupTitles.add(lines.get(i).replaceFirst("^[IVXLl1|v]{1,4}\\s*\\|?\\s*\\|?\\s*", "").strip());
                if (groupSpans.size() > 1) {
                    groupSpans.get(groupSpans.size() - 2)[1] = i;
                }
            }
        }
        List<Row> all = new ArrayList<>();
        for (int gi = 0; gi < groupSpans.size(); gi++) {
            int[] span = groupSpans.get(gi);
            List<Row> rows = new ArrayList<>();
            int expected = 1;
            for (int i = span[0] + 1; i < span[1]; i++) {
                Matcher m = ROW.matcher(lines.get(i).strip());
                if (!m.matches() && MANGLED_ROW.matcher(lines.get(i).strip()).matches()) {
                    // "o | quan", "L | 40i", "¢ | tng": a row number OCR read as a letter, in its cell before the bar
                    rows.add(new Row(gi + 1, groupTitles.get(gi), expected, i));
                    expected++;
                    continue;
                }
                if (m.matches()) {
                    int n = Integer.parseInt(m.group(1));
                    // A number followed by a cell bar is a row even after OCR lost a few ("5 |" after nothing).
                    boolean barred = lines.get(i).strip().matches("^[a-zA-Z]?\\d{1,2}\\s*\\|.*");
                    if (n == expected || n == expected + 1 || (barred && n > expected && n <= expected + 4)) {
                        rows.add(new Row(gi + 1, groupTitles.get(gi), n, i));
                        expected = n + 1;
                    }
                }
            }
            int firstFrom = span[0] + 1;
            if (rows.isEmpty() || rows.get(0).number > 1) {
                int limit = rows.isEmpty() ? span[1] : rows.get(0).markerLine;
                List<Row> unnumbered = rowsEndingInYearLines(lines, span[0] + 1, limit, gi + 1, groupTitles.get(gi));
                int wanted = rows.isEmpty() ? unnumbered.size() : rows.get(0).number - 1;
                if (!unnumbered.isEmpty() && unnumbered.size() == wanted) {
                    all.addAll(unnumbered);
                    firstFrom = unnumbered.get(unnumbered.size() - 1).markerLine + 1;
                }
            }
            // Each row owns the lines half-way to its neighbours' number lines.
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int from = r == 0 ? firstFrom : (rows.get(r - 1).markerLine + row.markerLine) / 2 + 1;
                int to = r == rows.size() - 1 ? span[1] - 1 : (row.markerLine + rows.get(r + 1).markerLine) / 2;
                for (int i = from; i <= to; i++) {
                    if (!isHeader(lines.get(i))) {
                        row.lines.add(i == row.markerLine ? ROW.matcher(lines.get(i).strip()).replaceFirst("$2")
                                : lines.get(i));
                    }
                }
                all.add(row);
            }
        }
        return all;
    }

    /**
     * Rows printed without their number, one cell per line, each closed by its timeline cell ("2022-2025" alone on
     * a line). A chunk naming no agency is the tail of the previous row's text, cut by a page break.
     */
    private static List<Row> rowsEndingInYearLines(List<String> lines, int from, int to, int group, String title) {
        List<Row> rows = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (isHeader(line)) {
                continue;
            }
            chunk.add(line);
            if (YEAR_LINE.matcher(line.strip()).matches()) {
                boolean namesAgency = chunk.stream().anyMatch(l -> !AgencyPatterns.find(l).isEmpty());
                if (namesAgency || rows.isEmpty()) {
                    Row row = new Row(group, title, rows.size() + 1, i);
                    row.lines.addAll(chunk);
                    rows.add(row);
                } else {
                    rows.get(rows.size() - 1).lines.addAll(chunk);
                }
                chunk.clear();
            }
        }
        return rows;
    }

    /** "I | Xây dựng cơ chế chính sách", "Nhiệm vụ về phổ cập …": a short line in a group's wording. */
    private static boolean isGroup(String line) {
        Matcher g = GROUP.matcher(Fold.fold(line));
        if (!g.matches()) {
            return false;
        }
        int words = g.group(1).split("\\s+").length;
        return words >= 3 && words <= 11 && !YEAR.matcher(line).find() && !isHeader(line);
    }

    private static int firstGroupLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isGroup(lines.get(i))) {
                return i;
            }
        }
        return lines.size();
    }

    /** The task text of a row: each line's words before its first agency cell, years removed. */
    private static String title(List<String> rowLines) {
        StringBuilder text = new StringBuilder();
        for (String raw : rowLines) {
            String line = cleanCells(raw);
            List<AgencyPatterns.Found> found = AgencyPatterns.find(line);
            append(text, found.isEmpty() ? line : line.substring(0, found.get(0).start()));
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static String cleanCells(String raw) {
        String line = raw.replace('|', ' ').replaceAll("\\s+", " ").strip();
        return line.replaceAll("\\b20\\d\\d\\s*-?\\s*(20\\d\\d)?", " ").replaceAll("\\s+", " ").strip();
    }

    private static Task toTask(String planId, Section rowSection, String groupTitle,
                               Function<String, List<AgencyMention>> mentions) {
        List<String> rowLines = List.of(rowSection.text().split("\n"));
        List<String> lead = new ArrayList<>();
        List<String> coordinate = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (String raw : rowLines) {
            Matcher y = YEAR.matcher(raw);
            while (y.find()) {
                years.add(Integer.valueOf(y.group(1)));
            }
            String line = cleanCells(raw);
            List<AgencyPatterns.Found> found = AgencyPatterns.find(line);
            // Mentions separated only by commas share a cell; anything else between them starts the next column.
            List<List<String>> cells = new ArrayList<>();
            int prevEnd = -1;
            for (AgencyPatterns.Found f : found) {
                boolean sameCell = prevEnd >= 0
                        && line.substring(Math.min(prevEnd, f.start()), f.start()).matches("[\\s,;.]*");
                if (!sameCell) {
                    cells.add(new ArrayList<>());
                }
                cells.get(cells.size() - 1).add(f.name());
                prevEnd = f.end();
            }
            for (int c = 0; c < cells.size(); c++) {
                // A line's first cell is the lead column, unless the row has its lead already and the line holds a
                // single cell: that one continues the coordinating column.
                boolean toLead = c == 0 && (cells.size() > 1 || lead.isEmpty());
                for (String name : cells.get(c)) {
                    List<String> target = toLead ? lead : coordinate;
                    if (!lead.contains(name) && !target.contains(name)) {
                        target.add(name);
                    }
                }
            }
        }
        coordinate.removeAll(lead);
        String path = rowSection.path();
        String anchor = rowSection.anchor();
        String number = path.substring(path.lastIndexOf('.') + 1);
        String timeline = years.isEmpty() ? null
                : years.size() == 1 ? String.valueOf(years.get(0)) : years.get(0) + "-" + years.get(1);
        return new Task(planId, TaskExtractor.slug(path), path, anchor, number, groupTitle, title(rowLines), null,
                mentions.apply(String.join("; ", lead)), mentions.apply(String.join("; ", coordinate)), timeline, null);
    }

    private static void append(StringBuilder b, String s) {
        if (!s.isBlank()) {
            b.append(b.isEmpty() ? "" : " ").append(s.strip());
        }
    }

    private static boolean isHeader(String line) {
        String f = NOT_LETTER.matcher(Fold.fold(line)).replaceAll("").strip();
        if (f.contains("nhiem vu") && f.contains("thoi gian")) {
            return true;
        }
        return f.length() <= 40 // header cells are short; a long line is content
                && HEADER_WORDS.stream().anyMatch(h -> Similarity.ratio(f, h) >= 0.75);
    }

    private static String roman(int n) {
        return switch (n) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            case 5 -> "V";
            case 6 -> "VI";
            case 7 -> "VII";
            case 8 -> "VIII";
            default -> String.valueOf(n);
        };
    }
}

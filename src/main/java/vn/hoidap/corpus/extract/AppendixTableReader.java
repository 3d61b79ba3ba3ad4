package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private static final Pattern ROW = Pattern.compile("^[a-zA-Z]?(\\d{1,2})(?:\\s*\\||\\s+|$)(.*)$");
    private static final Pattern GROUP = Pattern.compile(
            "^(?:[ivxl1|]{1,4}\\s*\\|?\\s*\\|?\\s*)?((?:nhiem vu|x\\w?y dung co che|nang cao nhan th\\w{0,2}c"
                    + "|pho c\\w{0,2}p|phat trien nguon nhan)\\b.*)$");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
    private static final Set<String> CELL_STARTS = Set.of("cac so", "so tt&tt", "so gd&dt", "so gd&pt", "so noi",
            "so thong", "so giao", "so ke", "so van", "so vhtt&dl", "so ld", "so lb", "so lao", "so tai", "so tt&;it",
            "dai phat", "pai phat", "ubnd cap", "ubnd", "cac co", "so g}ao", "sg g}ao", "cac to", "sf thorig");
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

    static List<Task> read(String planId, Section appendix, Function<String, List<AgencyMention>> mentions) {
        List<String> lines = new ArrayList<>(List.of(appendix.text().split("\n")));
        // Groups and their line spans.
        List<int[]> groupSpans = new ArrayList<>();
        List<String> groupTitles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher g = GROUP.matcher(Fold.fold(lines.get(i)));
            int words = lines.get(i).split("\\s+").length;
            if (g.matches() && words >= 3 && words <= 14 && !YEAR.matcher(lines.get(i)).find()
                    && !isHeader(lines.get(i))) {
                groupSpans.add(new int[] {i, lines.size()});
                groupTitles.add(lines.get(i).replaceFirst("^[IVXLl1|v]{1,4}\\s*\\|?\\s*\\|?\\s*", "").strip());
                if (groupSpans.size() > 1) {
                    groupSpans.get(groupSpans.size() - 2)[1] = i;
                }
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (int gi = 0; gi < groupSpans.size(); gi++) {
            int[] span = groupSpans.get(gi);
            List<Row> rows = new ArrayList<>();
            int expected = 1;
            for (int i = span[0] + 1; i < span[1]; i++) {
                Matcher m = ROW.matcher(lines.get(i).strip());
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
            // Each row owns the lines half-way to its neighbours' number lines.
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int from = r == 0 ? span[0] + 1 : (rows.get(r - 1).markerLine + row.markerLine) / 2 + 1;
                int to = r == rows.size() - 1 ? span[1] - 1 : (row.markerLine + rows.get(r + 1).markerLine) / 2;
                for (int i = from; i <= to; i++) {
                    if (!isHeader(lines.get(i))) {
                        row.lines.add(i == row.markerLine ? ROW.matcher(lines.get(i).strip()).replaceFirst("$2")
                                : lines.get(i));
                    }
                }
                tasks.add(toTask(planId, row, mentions));
            }
        }
        return tasks;
    }

    private static Task toTask(String planId, Row row, Function<String, List<AgencyMention>> mentions) {
        StringBuilder text = new StringBuilder();
        StringBuilder lead = new StringBuilder();
        StringBuilder coordinate = new StringBuilder();
        List<Integer> years = new ArrayList<>();
        for (String raw : row.lines) {
            String line = raw.replace('|', ' ').replaceAll("\\s+", " ").strip();
            Matcher y = YEAR.matcher(line);
            while (y.find()) {
                years.add(Integer.valueOf(y.group(1)));
            }
            line = line.replaceAll("\\b20\\d\\d\\s*-?\\s*(20\\d\\d)?", " ").replaceAll("\\s+", " ").strip();
            String[] tokens = line.split(" ");
            List<Integer> cellStarts = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                if (startsCell(tokens, i) && (cellStarts.isEmpty() || !tokens[i - 1].endsWith(","))) {
                    cellStarts.add(i);
                }
            }
            int firstCell = cellStarts.isEmpty() ? tokens.length : cellStarts.get(0);
            append(text, String.join(" ", List.of(tokens).subList(0, firstCell)));
            for (int c = 0; c < cellStarts.size(); c++) {
                int end = c + 1 < cellStarts.size() ? cellStarts.get(c + 1) : tokens.length;
                String cell = String.join(" ", List.of(tokens).subList(cellStarts.get(c), end));
                append(c == 0 && coordinate.isEmpty() ? lead : coordinate, cell);
            }
        }
        String path = "PL." + roman(row.group) + "." + row.number;
        String anchor = Anchors.of(path);
        String timeline = years.isEmpty() ? null
                : years.size() == 1 ? String.valueOf(years.get(0)) : years.get(0) + "-" + years.get(1);
        String title = text.toString().replaceAll("\\s+", " ").strip();
        return new Task(planId, anchor.replaceFirst("^s-", ""), path, anchor, String.valueOf(row.number),
                row.groupTitle, title, null, mentions.apply(lead.toString().replaceAll("[,;]?\\s*$", "")),
                mentions.apply(coordinate.toString().replaceAll("[,;]?\\s*$", "")), timeline, null);
    }

    private static boolean startsCell(String[] tokens, int i) {
        String one = AgencySplitter.normalize(tokens[i]);
        String two = i + 1 < tokens.length ? one + " " + AgencySplitter.normalize(tokens[i + 1]) : one;
        return CELL_STARTS.contains(two) || "ubnd".equals(one) || one.matches("s[o0@]?tt&tt|sgd&dt");
    }

    private static void append(StringBuilder b, String s) {
        if (!s.isBlank()) {
            b.append(b.isEmpty() ? "" : " ").append(s.strip());
        }
    }

    private static boolean isHeader(String line) {
        String f = Fold.fold(line).replaceAll("[^a-z ]", "").strip();
        if (f.contains("nhiem vu") && f.contains("thoi gian")) {
            return true;
        }
        return HEADER_WORDS.stream().anyMatch(h -> Similarity.ratio(f, h) >= 0.75);
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

package vn.hoidap.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes what a Markdown conversion of an official web page does to a plan: bold and italic marks
 * ({@code **I. MỤC}, {@code TIÊU**}, {@code *(DN)*}), heading marks ({@code # }), rule lines, and pipe tables
 * flattened one cell per line (a line holding only {@code |} between cells, two in a row between rows).
 *
 * <p>Tables come back in two shapes. A table with rows of three or more cells is data (a task list, an
 * indicator table): each row becomes one line {@code | 1 | Triển khai … | Sở KH&CN | … |}, which the extractor
 * reads by its header. A table of one or two columns is page layout (the issuer and national motto side by
 * side, "Nơi nhận" beside the signature): its cells become ordinary paragraphs, so the end matter reads as it
 * does in a printed plan.
 */
public final class MarkdownConversion {

    /** What a data-table row looks like after conversion; the outline and the extractor recognise it. */
    public static final Pattern TABLE_ROW = Pattern.compile("^\\|.*\\|$");

    private static final Pattern BAR = Pattern.compile("^\\s*\\|\\s*$");
    private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*+|(?<![\\p{L}\\d])__+|__+(?![\\p{L}\\d])");
    private static final Pattern RULE = Pattern.compile("^[-_=*~\\s]{3,}$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|])");
    private static final Pattern PIPE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern PIPE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

    private MarkdownConversion() {
    }

    /** A conversion leaves bars on their own lines, bold marks or heading marks; a PDF or OCR text has none. */
    public static boolean looksConverted(List<String> lines) {
        int bars = 0;
        int bold = 0;
        int headings = 0;
        for (String l : lines) {
            if (BAR.matcher(l).matches()) {
                bars++;
            }
            if (l.contains("**")) {
                bold++;
            }
            if (l.startsWith("#") && HEADING_MARK.matcher(l).find()) {
                headings++;
            }
        }
        // A PDF or OCR text never writes "**" or "# ": three marked lines are a conversion.
        return bars >= 4 || bold + headings >= 3;
    }

    /**
     * The lines of a converted document, unmarked, tables rebuilt; blank lines are kept because in a
     * conversion they, not line ends, separate paragraphs.
     */
    public static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (BAR.matcher(line).matches()) {
                i = flattenedTable(lines, i, out);
                continue;
            }
            if (PIPE_SEPARATOR.matcher(line).matches() && line.contains("|")) {
                i++;
                continue; // "|---|---|" of a table written as Markdown rows
            }
            if (PIPE_ROW.matcher(line).matches()) {
                List<String> cells = new ArrayList<>();
                String inner = line.strip();
                for (String c : inner.substring(1, inner.length() - 1).split("\\|", -1)) {
                    cells.add(unmark(c));
                }
                out.add(row(cells));
                i++;
                continue;
            }
            out.add(unmark(line));
            i++;
        }
        return out;
    }

    /** Emphasis and heading marks removed, escapes undone, spaces collapsed; a rule line becomes blank. */
    public static String unmark(String line) {
        String t = HEADING_MARK.matcher(line.strip()).replaceFirst("");
        t = EMPHASIS.matcher(t).replaceAll("");
        t = ESCAPE.matcher(t).replaceAll("$1");
        t = SPACES.matcher(t).replaceAll(" ").strip();
        return RULE.matcher(t).matches() ? "" : t;
    }

    /** Reads one flattened table from {@code start} (a bar line); returns the index after it. */
    private static int flattenedTable(List<String> lines, int start, List<String> out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = null;
        boolean lastWasBar = false;
        int i = start;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (BAR.matcher(line).matches()) {
                if (lastWasBar) {
                    // Two bars with nothing between them: the row ended (an empty cell is written "** **").
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else if (cell != null) {
                    row.add(unmark(cell.toString()));
                }
                cell = new StringBuilder();
                lastWasBar = true;
                continue;
            }
            if (line.isBlank()) {
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next < lines.size() && BAR.matcher(lines.get(next)).matches()) {
                    i = next - 1; // blank lines between two tables or inside one: the table goes on
                    continue;
                }
                break; // a blank line followed by text: the table is over
            }
            lastWasBar = false;
            if (cell == null) {
                cell = new StringBuilder();
            }
            // Cells of layout tables hold lists ("Nơi nhận:" and its "- …" lines): keep their line breaks.
            cell.append(cell.isEmpty() ? "" : "\n").append(line.strip());
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        boolean data = rows.stream().anyMatch(r -> r.stream().filter(c -> !c.isBlank()).count() >= 3);
        out.add("");
        for (List<String> r : rows) {
            if (data) {
                out.add(row(r.stream().map(c -> c.replace('\n', ' ')).toList()));
            } else {
                for (String c : r) {
                    for (String l : c.split("\n")) {
                        out.add(unmark(l));
                    }
                    out.add("");
                }
            }
        }
        out.add("");
        return i;
    }

    private static String row(List<String> cells) {
        // Empty cells stay: columns are told apart by their position under the header.
        return "| " + String.join(" | ", cells.stream().map(c -> SPACES.matcher(c).replaceAll(" ").strip()).toList())
                + " |";
    }

    /** The cells of a row line written by this class ("| a | b |" → [a, b]). */
    public static List<String> cells(String rowLine) {
        String inner = rowLine.strip();
        if (!TABLE_ROW.matcher(inner).matches() || inner.length() < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : inner.substring(1, inner.length() - 1).split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }
}

package vn.hoidap.corpus.extract;


import java.util.List;

/**
 * The labelled lines of a task ("- Đơn vị chủ trì thực hiện: …"), recognised on folded text with an edit
 * distance so that OCR forms still match: "Pon vi chu tri thuc hién", "Bon vi cht tri", "QUn vi chu tri
 * thue hign", "Pon vj ohbi hop", "Ké'g qua" (with or without the colon).
 */
final class TaskLabels {

    enum Field { LEAD, COORDINATE, TIMELINE, RESULT, DESCRIPTION }

    record Labelled(Field field, String value) {
    }

    /** A line as free text ({@code before}, "" when the line opens with a label) and the labels after it. */
    record Line(String before, List<Labelled> labels) {
    }

    /** {@code words}: the label's word count, so a line's head is compared word for word. */
    private record Label(Field field, String folded, int words) {
        Label(Field field, String folded) {
            this(field, folded, folded.split(" ").length);
        }
    }

    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]");
    private static final java.util.regex.Pattern EMPHASIS = java.util.regex.Pattern.compile("\\*{2,}|_{2,}");
    /** What may stand before a label in the middle of a line: a separator, a closing bracket, a dash. */
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("(?:[;.:)\\]]|\\s[-–—+•])$");
    private static final java.util.regex.Pattern LEADING = java.util.regex.Pattern.compile("^[:;.\\s]+");
    private static final java.util.regex.Pattern TRAILING = java.util.regex.Pattern.compile("[\\s;,]*(?:\\s[-–—])?[\\s;,]*$");
    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^[-+•–]\\s*(\\S.*)$");
    private static final List<Label> LABELS = List.of(
            new Label(Field.LEAD, "don vi chu tri thuc hien"),
            new Label(Field.LEAD, "don vi chu tri"),
            new Label(Field.LEAD, "co quan chu tri"),
            new Label(Field.COORDINATE, "don vi phoi hop thuc hien"),
            new Label(Field.COORDINATE, "don vi phoi hop"),
            new Label(Field.COORDINATE, "co quan phoi hop"),
            new Label(Field.TIMELINE, "thoi gian thuc hien"),
            new Label(Field.TIMELINE, "thoi gian hoan thanh"),
            new Label(Field.TIMELINE, "thoi gian"),
            new Label(Field.RESULT, "ket qua"),
            new Label(Field.RESULT, "san pham"),
            // The wordings of 2025 plans and of table headers turned into labelled lines.
            new Label(Field.LEAD, "don vi thuc hien"),
            new Label(Field.LEAD, "co quan thuc hien"),
            new Label(Field.LEAD, "co quan chu tri thuc hien"),
            new Label(Field.LEAD, "don vi chu tri thuc hien"),
            new Label(Field.LEAD, "co quan dau moi"),
            new Label(Field.LEAD, "don vi dau moi"),
            new Label(Field.LEAD, "chu tri"),
            new Label(Field.COORDINATE, "co quan phoi hop thuc hien"),
            new Label(Field.COORDINATE, "phoi hop"),
            new Label(Field.TIMELINE, "thoi han"),
            new Label(Field.TIMELINE, "thoi han hoan thanh"),
            new Label(Field.TIMELINE, "tien do"),
            new Label(Field.TIMELINE, "tien do thuc hien"),
            new Label(Field.RESULT, "san pham dau ra"),
            new Label(Field.RESULT, "ket qua du kien"),
            new Label(Field.RESULT, "san pham du kien"),
            new Label(Field.RESULT, "ket qua san pham"),
            new Label(Field.RESULT, "san pham ket qua"),
            new Label(Field.RESULT, "ket qua dau ra"),
            new Label(Field.DESCRIPTION, "nhiem vu"),
            new Label(Field.DESCRIPTION, "noi dung"),
            new Label(Field.DESCRIPTION, "noi dung thuc hien"),
            new Label(Field.DESCRIPTION, "noi dung nhiem vu"));

    private static final int MAX_WORDS = LABELS.stream().mapToInt(Label::words).max().orElse(1);

    /** Share of a label's characters OCR may have damaged. */
    private static final double TOLERANCE = 0.3;

    private TaskLabels() {
    }

    /** "- Đơn vị thực hiện: Sở Tư pháp": a table row written as lines under its own headers. */
    private static Found headerLabel(String t) {
        int colon = t.indexOf(':');
        if (colon <= 0 || colon > 60) {
            return null;
        }
        Field f = switch (TableColumns.role(t.substring(0, colon))) {
            case LEAD -> Field.LEAD;
            case COORDINATE -> Field.COORDINATE;
            case TIMELINE -> Field.TIMELINE;
            case RESULT -> Field.RESULT;
            default -> null;
        };
        return f == null ? null : new Found(f, 0, colon + 1, true);
    }

    /**
     * The field and value of a label line: "- Thoi gian thuc hién: Hang nam." (a bullet, OCR'd or not), or,
     * without a bullet, "Đơn vị chủ trì: Sở Nội vụ" when the label ends in its colon; null otherwise. When the
     * line goes on with further labels ("…; Thời gian hoàn thành: 2025"), the value stops before them.
     */
    static Labelled read(String line) {
        Line l = line(line);
        return l.before().isEmpty() && !l.labels().isEmpty() ? l.labels().get(0) : null;
    }

    /**
     * A line read as free text followed by labels: "1. Tuyên truyền … Đơn vị chủ trì: Sở A; Đơn vị phối hợp: Sở B
     * Thời gian hoàn thành: 2025" → "1. Tuyên truyền …" and three labels. Labels open a line (bulleted or with
     * their colon) or follow on it, where each needs its colon and either a separator before it (";", ".", a
     * dash, a bracket) or a capital or three words or more (a line the repair joined to the previous one):
     * "… do Sở A chủ trì: …" is a sentence, not a label. Bold marks around labels ("**Đơn vị chủ trì:**") are
     * ignored.
     */
    static Line line(String line) {
        String t = line.strip();
        if (t.contains("**") || t.contains("__")) {
            t = EMPHASIS.matcher(t).replaceAll("").strip();
        }
        java.util.regex.Matcher bullet = BULLET.matcher(t);
        boolean bulleted = bullet.matches();
        String rest = bulleted ? bullet.group(1) : t;
        List<Found> found = new java.util.ArrayList<>();
        Found first = head(rest, !bulleted);
        if (first != null && first.header()) {
            // "- Tổ chức Ngày hội … Đơn vị chủ trì: …" is an item with its label, not a header "… chủ trì:"
            List<Found> inside = following(rest, 0);
            if (!inside.isEmpty() && inside.get(0).valueStart() == first.valueStart()) {
                first = null;
            }
        }
        if (first != null) {
            found.add(new Found(first.field(), 0, first.valueStart()));
        }
        int from = first == null ? 0 : first.valueStart();
        found.addAll(following(rest, from));
        if (found.isEmpty()) {
            return new Line(t, List.of());
        }
        List<Labelled> labels = new java.util.ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int end = i + 1 < found.size() ? found.get(i + 1).start() : rest.length();
            String value = rest.substring(Math.min(found.get(i).valueStart(), end), end);
            value = LEADING.matcher(value).replaceFirst("");
            value = i + 1 < found.size() ? TRAILING.matcher(value).replaceFirst("") : value.strip();
            labels.add(new Labelled(found.get(i).field(), value));
        }
        String before = found.get(0).start() == 0 ? "" : TRAILING.matcher(rest.substring(0, found.get(0).start())).replaceFirst("");
        if (bulleted && !before.isEmpty()) {
            before = t.substring(0, t.length() - rest.length()) + before;
        }
        return new Line(before, List.copyOf(labels));
    }

    /** A label found in a line: its field, where the label starts and where its value starts. */
    private record Found(Field field, int start, int valueStart, boolean header) {
        Found(Field field, int start, int valueStart) {
            this(field, start, valueStart, false);
        }
    }

    /**
     * Labels after the start of {@code text}, each ending in a colon at or after {@code from}: the words before
     * each colon are compared with the labels (longest first), folded and exactly, since they stand mid-line.
     */
    private static List<Found> following(String text, int from) {
        List<Found> out = new java.util.ArrayList<>();
        for (int colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            String segment = text.substring(from, colon).stripTrailing(); // "Sản phẩm :" as "Sản phẩm:"
            if (segment.isEmpty()) {
                continue;
            }
            String[] before = segment.split(" ");
            int end = from + segment.length();
            // the words right before the colon, as many as the longest label; the longest label wins
            int count = before.length;
            Label best = null;
            int bestStart = -1;
            for (int n = Math.min(MAX_WORDS, count); n >= 1 && best == null; n--) {
                StringBuilder folded = new StringBuilder();
                int length = n - 1;
                for (int i = count - n; i < count; i++) {
                    String w = NOT_ALNUM.matcher(FoldCache.fold(before[i])).replaceAll("");
                    folded.append(folded.isEmpty() ? "" : " ").append(w);
                    length += before[i].length();
                }
                for (Label l : LABELS) {
                    if (l.words() == n && l.folded().contentEquals(folded)) {
                        best = l;
                        bestStart = end - length;
                        break;
                    }
                }
            }
            if (best == null || bestStart <= from && from > 0 || bestStart == 0) {
                continue;
            }
            String prefix = text.substring(0, bestStart).stripTrailing();
            boolean separated = prefix.isEmpty() || SEPARATOR.matcher(prefix).find();
            boolean capital = Character.isUpperCase(text.charAt(bestStart));
            boolean accepted = separated || best.field() != Field.DESCRIPTION && (capital || best.words() >= 3);
            if (accepted) {
                out.add(new Found(best.field(), bestStart, colon + 1));
                from = colon + 1;
            }
        }
        return out;
    }

    /** The label a line opens with (OCR forms tolerated), or null; {@code needsColon}: a line without a bullet. */
    private static Found head(String t, boolean needsColon) {
        String[] words = t.split(" ");
        // Each head word is folded once per line (labels are at most MAX_WORDS long), not once per label.
        int head = Math.min(words.length, MAX_WORDS);
        String[] folded = new String[head];
        for (int i = 0; i < head; i++) {
            folded[i] = NOT_ALNUM.matcher(FoldCache.fold(words[i])).replaceAll("");
        }
        Label best = null;
        double bestScore = Double.MAX_VALUE;
        int bestWords = 0;
        StringBuilder candidate = new StringBuilder();
        for (Label l : LABELS) {
            int n = l.words();
            if (words.length < n) {
                continue;
            }
            // A colon right after the label is strong evidence; demand a closer match without it.
            boolean colon = words[n - 1].endsWith(":");
            // "Nhiệm vụ", "chủ trì", "phối hợp" also open ordinary sentences: as labels they need their colon.
            boolean demandColon = l.field() == Field.DESCRIPTION || n <= 2 && !l.folded().startsWith("thoi")
                    && !l.folded().startsWith("ket") && !l.folded().startsWith("san");
            if ((needsColon || demandColon) && !colon) {
                continue;
            }
            candidate.setLength(0);
            for (int i = 0; i < n; i++) {
                candidate.append(i == 0 ? "" : " ").append(folded[i]);
            }
            double tolerance = colon ? TOLERANCE : TOLERANCE / 2;
            // The edit distance is at least the difference in length: most lines are rejected without it.
            if (Math.abs(candidate.length() - l.folded().length()) > tolerance * l.folded().length()) {
                continue;
            }
            double score = (double) vn.hoidap.text.EditDistance.levenshtein(candidate.toString(), l.folded()) / l.folded().length();
            // The longest label that fits wins, so "thuc hien" is never left at the start of the value.
            if (score <= tolerance && (n > bestWords || (n == bestWords && score < bestScore))) {
                best = l;
                bestScore = score;
                bestWords = n;
            }
        }
        if (best == null) {
            // a header as a table row written out ("- Đơn vị thực hiện chính: …"); without the bullet, "Sở Tài
            // chính chủ trì: …" is a sentence
            return needsColon ? null : headerLabel(t);
        }
        int valueStart = 0;
        for (int i = 0; i < bestWords; i++) {
            valueStart += words[i].length() + 1;
        }
        return new Found(best.field(), 0, Math.min(valueStart, t.length()));
    }
}

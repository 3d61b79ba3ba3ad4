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

    /** {@code words}: the label's word count, so a line's head is compared word for word. */
    private record Label(Field field, String folded, int words) {
        Label(Field field, String folded) {
            this(field, folded, folded.split(" ").length);
        }
    }

    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]");
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
    private static Labelled headerLabel(String t) {
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
        return f == null ? null : new Labelled(f, t.substring(colon + 1).strip());
    }

    /** The field and value of a bullet line such as "- Thoi gian thuc hién: Hang nam.", or null. */
    static Labelled read(String line) {
        String t = line.strip();
        java.util.regex.Matcher bullet = BULLET.matcher(t);
        if (!bullet.matches()) {
            return null;
        }
        t = bullet.group(1);
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
            boolean needsColon = l.field() == Field.DESCRIPTION || n <= 2 && !l.folded().startsWith("thoi")
                    && !l.folded().startsWith("ket") && !l.folded().startsWith("san");
            if (needsColon && !colon) {
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
            return headerLabel(t);
        }
        StringBuilder value = new StringBuilder();
        for (int i = bestWords; i < words.length; i++) {
            value.append(value.isEmpty() ? "" : " ").append(words[i]);
        }
        return new Labelled(best.field(), value.toString().replaceFirst("^[:;.\\s]+", "").strip());
    }
}

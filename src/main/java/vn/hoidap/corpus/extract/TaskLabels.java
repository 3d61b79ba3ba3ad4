package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.List;

/**
 * The labelled lines of a task ("- Đơn vị chủ trì thực hiện: …"), recognised on folded text with an edit
 * distance so that OCR forms still match: "Pon vi chu tri thuc hién", "Bon vi cht tri", "QUn vi chu tri
 * thue hign", "Pon vj ohbi hop", "Ké'g qua" (with or without the colon).
 */
final class TaskLabels {

    enum Field { LEAD, COORDINATE, TIMELINE, RESULT }

    record Labelled(Field field, String value) {
    }

    private record Label(Field field, String folded) {
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
            new Label(Field.RESULT, "san pham"));

    /** Share of a label's characters OCR may have damaged. */
    private static final double TOLERANCE = 0.3;

    private TaskLabels() {
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
        Label best = null;
        double bestScore = Double.MAX_VALUE;
        int bestWords = 0;
        for (Label l : LABELS) {
            int n = l.folded().split(" ").length;
            if (words.length < n) {
                continue;
            }
            StringBuilder candidate = new StringBuilder();
            for (int i = 0; i < n; i++) {
                candidate.append(i == 0 ? "" : " ").append(NOT_ALNUM.matcher(Fold.fold(words[i])).replaceAll(""));
            }
            // A colon right after the label is strong evidence; demand a closer match without it.
            boolean colon = words[n - 1].endsWith(":");
            double score = (double) vn.hoidap.text.EditDistance.levenshtein(candidate.toString(), l.folded()) / l.folded().length();
            // The longest label that fits wins, so "thuc hien" is never left at the start of the value.
            if (score <= (colon ? TOLERANCE : TOLERANCE / 2) && (n > bestWords || (n == bestWords && score < bestScore))) {
                best = l;
                bestScore = score;
                bestWords = n;
            }
        }
        if (best == null) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = bestWords; i < words.length; i++) {
            value.append(value.isEmpty() ? "" : " ").append(words[i]);
        }
        return new Labelled(best.field(), value.toString().replaceFirst("^[:;.\\s]+", "").strip());
    }
}

package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.text.Fold;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets of a plan: every item of its "Mục tiêu" parts ("a) Đến hết năm 2025: Có ≥ 30% DNNVV …",
 * "(1) Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;", "- Phấn đấu 100% hồ sơ …"), a plain paragraph only when it
 * carries a figure; and the rows of indicator tables (a "Chỉ tiêu" column, year columns). The year is the
 * item's own ("đến hết năm 2025"), else its headings' ("Mục tiêu cụ thể đến năm 2030"), else the plan's horizon.
 */
final class TargetExtractor {

    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-+•–]|\\(\\d{1,2}\\)|\\d{1,2}\\))\\s*(\\S.*)$");
    private static final Pattern YEAR = Pattern.compile("(?:năm|đến|tới|hết|trước)\\s+(?:năm\\s+)?(20\\d\\d)|(20\\d\\d)\\s*:");
    private static final Pattern PERIOD_END = Pattern.compile("(?:giai đoạn\\s+)?20\\d\\d\\s*[-–—]\\s*(20\\d\\d)");
    private static final Pattern FIGURE = Pattern.compile(
            "[≥≤>]?\\s*(?:trên|dưới|tối thiểu|ít nhất|khoảng)?\\s*\\d+(?:[.,]\\d+)?\\s*%"
                    + "|gấp\\s+\\d+(?:[.,]\\d+)?\\s+lần"
                    + "|\\b\\d+(?:[.,]\\d+)*\\s+(?:triệu|tỷ|nghìn|ngàn)?\\s*\\p{L}+");
    private static final Pattern COUNT = Pattern.compile("\\d");
    private static final Pattern NOT_TARGETS = Pattern.compile("^(doi tuong|pham vi|quan diem|nguyen tac|yeu cau|muc dich)\\b");

    private TargetExtractor() {
    }

    record Result(List<Target> targets, boolean partFound) {
    }

    static Result extract(String planId, List<Section> outline, Integer planHorizon) {
        List<Target> out = new ArrayList<>();
        List<Section> parts = PlanParts.targetParts(outline);
        for (Section part : parts) {
            Deque<Section> chain = new ArrayDeque<>();
            walk(planId, part, chain, planHorizon, out);
        }
        for (Section s : OutlineParser.flatten(outline)) {
            indicatorRow(planId, s, planHorizon, out);
        }
        return new Result(out, !parts.isEmpty() || !out.isEmpty());
    }

    private static void walk(String planId, Section s, Deque<Section> chain, Integer horizon, List<Target> out) {
        chain.push(s);
        boolean listed = false;
        for (String line : s.text().split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(l);
            if (item.matches()) {
                listed = true;
                add(planId, s, item.group(1), chain, horizon, out);
            } else if (hasFigure(l) && yearOf(l) != null) {
                add(planId, s, l, chain, horizon, out);
            }
        }
        String title = OutlineParser.title(s);
        boolean announces = Fold.fold(title).contains("muc tieu") || Fold.fold(title).contains("chi tieu");
        if (s.children().isEmpty() && !listed && !announces && chain.size() > 1) {
            String statement = s.text().isBlank() ? title : title + " " + s.text().replace('\n', ' ');
            if (!hasFigure(statement) && yearOf(title) == null) {
                chain.pop(); // a numbered principle of "Mục tiêu tổng quát", no target
                return;
            }
            add(planId, s, statement, chain, horizon, out);
        }
        for (Section c : s.children()) {
            // "II. MỤC TIÊU, ĐỐI TƯỢNG": who the plan applies to is no target.
            if (!NOT_TARGETS.matcher(Fold.fold(OutlineParser.title(c))).find()) {
                walk(planId, c, chain, horizon, out);
            }
        }
        chain.pop();
    }

    private static void add(String planId, Section s, String statement, Deque<Section> chain, Integer horizon,
                            List<Target> out) {
        String st = statement.strip().replaceFirst("[;,.]+$", "").strip();
        if (st.split("\\s+").length < 3) {
            return;
        }
        Integer year = yearOf(st);
        if (year == null) {
            for (Section a : chain) {
                year = yearOf(OutlineParser.title(a));
                if (year != null) {
                    break;
                }
            }
        }
        if (year == null) {
            year = horizon;
        }
        out.add(new Target(planId, year == null ? 0 : year, figure(st), st, st, s.path(), s.anchor()));
    }

    /** A row of an indicator table: the title is the indicator, a value label per year ("- Năm 2025: 80%"). */
    private static void indicatorRow(String planId, Section s, Integer horizon, List<Target> out) {
        if (!s.children().isEmpty() || s.text().isBlank()) {
            return;
        }
        boolean any = false;
        for (String line : s.text().split("\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("- ") || colon < 0) {
                continue;
            }
            String label = line.substring(2, colon);
            String value = line.substring(colon + 1).strip();
            if (TableColumns.role(label) == TableColumns.Role.VALUE && !value.isEmpty()) {
                Integer year = yearOf(label);
                if (year == null) {
                    Matcher y = Pattern.compile("(20\\d\\d)").matcher(label);
                    year = y.find() ? Integer.valueOf(y.group(1)) : horizon;
                }
                String statement = OutlineParser.title(s) + ": " + value;
                out.add(new Target(planId, year == null ? 0 : year, value, OutlineParser.title(s), statement, s.path(),
                        s.anchor()));
                any = true;
            }
        }
        if (!any && OutlineParser.title(s).length() > 0 && isIndicatorTitle(s) && hasFigure(OutlineParser.title(s))) {
            String st = OutlineParser.title(s);
            Integer year = yearOf(st);
            out.add(new Target(planId, year == null ? (horizon == null ? 0 : horizon) : year, figure(st), st, st,
                    s.path(), s.anchor()));
        }
    }

    private static boolean isIndicatorTitle(Section s) {
        for (String line : s.text().split("\n")) {
            int colon = line.indexOf(':');
            if (line.startsWith("- ") && colon > 0 && TableColumns.role(line.substring(2, colon)) == TableColumns.Role.UNIT) {
                return true;
            }
        }
        return false;
    }

    static boolean hasFigure(String text) {
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String f = m.group();
            // "Nghị định số 80/2021" and dates are references, not figures.
            if (f.contains("%") || f.startsWith("gấp") || !f.matches(".*\\d+\\s+(tháng|năm|ngày)\\b.*")) {
                if (COUNT.matcher(f).find() && !text.substring(Math.max(0, m.start() - 4), m.start()).contains("/")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Integer yearOf(String text) {
        Matcher m = YEAR.matcher(text);
        Integer year = null;
        if (m.find()) {
            year = Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher p = PERIOD_END.matcher(text);
        if (year == null && p.find()) {
            year = Integer.valueOf(p.group(1));
        }
        return year;
    }

    /** "≥ 30%", "gấp 30 lần", "10 doanh nghiệp"; else the opening words ("Hoàn thành", "Thí điểm"). */
    static String figure(String statement) {
        Matcher m = FIGURE.matcher(statement);
        while (m.find()) {
            String f = m.group().strip();
            if (f.contains("%") || f.startsWith("gấp")) {
                return f.replaceFirst("^(trên|dưới|tối thiểu|ít nhất|khoảng)\\s+", "").strip();
            }
        }
        m.reset();
        while (m.find()) {
            String f = m.group().strip();
            if (!f.matches("\\d+\\s+(tháng|năm|ngày)") && !f.startsWith("20")) {
                return f;
            }
        }
        String s = statement.replaceFirst("^(Đến|Tới)( hết| cuối)? năm 20\\d\\d\\s*[:,]?\\s*", "");
        String[] words = s.split("[\\s,;:]+");
        return String.join(" ", List.of(words).subList(0, Math.min(2, words.length)));
    }
}

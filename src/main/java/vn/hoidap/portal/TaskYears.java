package vn.hoidap.portal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a task's timeline covers, for the plan page's year filter: "2022-2025" → 2022…2025, "Năm 2023" →
 * 2023, "Hàng năm" / "thường xuyên" → every year of the plan. A timeline naming no year (e.g. "Theo kế hoạch
 * của Bộ") belongs to no year, so it is shown only without a year filter.
 */
final class TaskYears {

    private static final Pattern RANGE = Pattern.compile("\\b((?:19|20)\\d{2})\\s*[-–—]\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");
    /** "Hằng năm", "thường xuyên", "01 lần/năm", with or without diacritics. */
    private static final Pattern EVERY_YEAR = Pattern.compile(
            "hang nam|moi nam|thuong xuyen|/\\s*nam\\b|hằng năm|hàng năm|mỗi năm|thường xuyên|/\\s*năm");

    private TaskYears() {
    }

    static List<Integer> years(String timeline, int planFrom, int planTo) {
        List<Integer> years = new ArrayList<>();
        if (timeline == null || timeline.isBlank()) {
            return years;
        }
        String t = Normalizer.normalize(timeline, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (EVERY_YEAR.matcher(t).find()) {
            for (int y = planFrom; y <= planTo; y++) {
                years.add(y);
            }
            return years;
        }
        Matcher r = RANGE.matcher(t);
        boolean ranged = false;
        while (r.find()) {
            int a = Integer.parseInt(r.group(1));
            int b = Integer.parseInt(r.group(2));
            for (int y = Math.min(a, b); y <= Math.max(a, b) && y - Math.min(a, b) < 50; y++) {
                if (!years.contains(y)) {
                    years.add(y);
                }
            }
            ranged = true;
        }
        if (!ranged) {
            Matcher m = YEAR.matcher(t);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                if (!years.contains(y)) {
                    years.add(y);
                }
            }
        }
        return years;
    }

    /** The last year any task of the plan reaches (at least {@code from}). */
    static int lastYear(List<String> timelines, int from) {
        int last = from;
        for (String tl : timelines) {
            Matcher m = YEAR.matcher(tl == null ? "" : tl);
            while (m.find()) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        return last;
    }
}

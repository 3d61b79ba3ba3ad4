package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the "Thời gian thực hiện" of a task, clean or OCR'd ("Hang ndm", "quy 1V/2023", "2022-\n2025"). */
public final class TimelineParser {

    private static final Pattern RANGE = Pattern.compile("\\b(20\\d\\d)\\s*[-–—]\\s*(20\\d\\d)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
    private static final Pattern QUARTER = Pattern.compile("\\bquy\\s+([ivx1l|]{1,4}|[1-4])\\s*/\\s*(20\\d\\d)\\b");
    private static final Pattern ANNUAL = Pattern.compile("\\b(h[a-z]{1,2}g|moi)\\s+n[a-z]{1,2}m\\b|/\\s*nam\\b");
    private static final Pattern CONDITIONAL = Pattern.compile("\\bkhi (c[a-z0-9]? h[a-z]{0,3}ng dan|c[a-z0-9]? yeu cau|duoc)\\b.*");
    private static final Pattern PER_OTHER_PLAN = Pattern.compile("^(theo (ke hoach|huong dan|lo trinh|ke hach)\\b).*");

    private TimelineParser() {
    }

    public static Timeline parse(String text) {
        if (text == null || text.isBlank()) {
            return new Timeline(text, null, null, false, null, null);
        }
        String written = text.strip().replaceAll("\\s+", " ");
        String f = Fold.fold(written);
        Integer from = null;
        Integer to = null;
        Integer quarter = null;
        Matcher q = QUARTER.matcher(f);
        Matcher r = RANGE.matcher(f);
        if (q.find()) {
            quarter = quarterNumber(q.group(1));
            from = to = Integer.valueOf(q.group(2));
        } else if (r.find()) {
            from = Integer.valueOf(r.group(1));
            to = Integer.valueOf(r.group(2));
            if (from > to) {
                from = null; // "2029-2025" is an OCR slip: the end year is the one to trust
            }
        } else {
            Matcher y = YEAR.matcher(f);
            if (y.find()) {
                from = to = Integer.valueOf(y.group(1));
            }
        }
        boolean annual = ANNUAL.matcher(f).find();
        String condition = null;
        Matcher c = CONDITIONAL.matcher(f);
        if (c.find()) {
            condition = written.substring(Math.min(c.start(), written.length())).replaceAll("[.;]+$", "");
        } else if (PER_OTHER_PLAN.matcher(f).matches()) {
            condition = written.replaceAll("[.;]+$", "");
        }
        return new Timeline(written, from, to, annual, quarter, condition);
    }

    private static Integer quarterNumber(String s) {
        String roman = Heading.roman(s.toUpperCase(java.util.Locale.ROOT));
        if (roman != null) {
            return switch (roman) {
                case "I" -> 1;
                case "II" -> 2;
                case "III" -> 3;
                case "IV" -> 4;
                default -> null;
            };
        }
        return s.matches("[1-4]") ? Integer.valueOf(s) : null;
    }
}

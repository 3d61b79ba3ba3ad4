package vn.hoidap.portal;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agency's reporting deadlines as an iCalendar feed (RFC 5545) staff can subscribe to: one all-day event per
 * deadline with a date ("20/11" every year → a yearly event from the plan's year to its last year), a reminder a
 * week before. Deadlines without a date ("định kỳ", "khi có phát sinh") cannot be put in a calendar and stay on
 * the agency page only.
 */
final class AgencyCalendar {

    private static final Pattern DAY_MONTH = Pattern.compile("^(\\d{1,2})/(\\d{1,2})$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AgencyCalendar() {
    }

    /**
     * {@code stamp} is DTSTAMP, when this feed was made: the service's start, since the feed only changes with
     * the corpus it was started with (a calendar client re-reading it sees the same events, not new ones).
     */
    static String of(Agency agency, List<AgencyPage.Due> dues, Knowledge knowledge, String baseUrl, Instant stamp) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//hoidap//Hoi dap Chuyen doi so//VI");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "X-WR-CALNAME:" + text("Hạn báo cáo — " + agency.name()));
        line(sb, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        String dtstamp = STAMP.format(stamp);
        for (AgencyPage.Due d : dues) {
            Matcher m = DAY_MONTH.matcher(d.date() == null ? "" : d.date().strip());
            Plan plan = knowledge.plan(d.planId()).orElse(null);
            if (!m.matches() || plan == null) {
                continue;
            }
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int from = year(plan.meta().issueDate());
            int to = PlanPage.planEnd(plan, from);
            LocalDate first;
            try {
                first = LocalDate.of(from, month, day);
            } catch (java.time.DateTimeException e) {
                continue;
            }
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:" + d.planId() + "-bao-cao-" + d.index() + "-" + agency.id() + "@hoidap");
            line(sb, "DTSTAMP:" + dtstamp);
            line(sb, "DTSTART;VALUE=DATE:" + DATE.format(first));
            line(sb, "DTEND;VALUE=DATE:" + DATE.format(first.plusDays(1)));
            String rec = d.recurrence() == null ? "" : d.recurrence().toLowerCase(Locale.ROOT);
            if (rec.contains("năm")) {
                line(sb, "RRULE:FREQ=YEARLY;UNTIL=" + to + "1231");
            } else if (rec.contains("quý")) {
                line(sb, "RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=" + to + "1231");
            } else if (rec.contains("tháng")) {
                line(sb, "RRULE:FREQ=MONTHLY;UNTIL=" + to + "1231");
            }
            line(sb, "SUMMARY:" + text("Hạn báo cáo: " + d.what()));
            line(sb, "DESCRIPTION:" + text(d.when() + (d.recipient() == null ? "" : ", gửi " + d.recipient())
                    + (d.via() == null ? "" : " (kế hoạch giao cho: " + d.via() + ")") + ". " + d.planLabel() + "."));
            line(sb, "URL:" + baseUrl + d.href());
            line(sb, "BEGIN:VALARM");
            line(sb, "ACTION:DISPLAY");
            line(sb, "DESCRIPTION:" + text("Còn 7 ngày: " + d.what()));
            line(sb, "TRIGGER:-P7D");
            line(sb, "END:VALARM");
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    private static int year(String iso) {
        if (iso != null && iso.matches("\\d{4}")) {
            return Integer.parseInt(iso);
        }
        try {
            return LocalDate.parse(iso).getYear();
        } catch (DateTimeParseException | NullPointerException e) {
            return 2022;
        }
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
    static String text(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r", "").replace("\n", "\\n");
    }

    /** Content lines are folded at 75 octets, never inside a UTF-8 sequence, and end with CRLF. */
    static void line(StringBuilder sb, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                sb.append("\r\n ");
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}

package vn.hoidap.insights;

import vn.hoidap.topics.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The filters every insights endpoint takes: {@code from} and {@code to} (ISO dates, both inclusive, in
 * Vietnam's time zone; default the last 30 days), {@code channel}, {@code province}, {@code theme}.
 * Parsing rejects what would give meaningless or runaway queries.
 */
record Criteria(LocalDate from, LocalDate to, String channel, String province, String theme) {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,20}");

    static Criteria parse(String from, String to, String channel, String province, String theme,
                          Map<String, Theme> themes, int maxRangeDays) {
        LocalDate end = blank(to) ? LocalDate.now(ZONE) : date(to, "to");
        LocalDate start = blank(from) ? end.minusDays(29) : date(from, "from");
        if (start.isAfter(end)) {
            throw new InvalidInsightsRequest("Khoảng thời gian không hợp lệ: ngày bắt đầu (from=" + start
                    + ") sau ngày kết thúc (to=" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxRangeDays) {
            throw new InvalidInsightsRequest("Khoảng thời gian quá dài: tối đa " + maxRangeDays + " ngày.");
        }
        if (start.getYear() < 2000 || end.getYear() > 2100) {
            throw new InvalidInsightsRequest("Ngày phải nằm trong khoảng năm 2000–2100.");
        }
        String ch = blank(channel) ? null : channel.strip().toLowerCase();
        if (ch != null && !CHANNEL.matcher(ch).matches()) {
            throw new InvalidInsightsRequest("channel không hợp lệ (ví dụ: web, telegram).");
        }
        String pr = blank(province) ? null : province.strip();
        if (pr != null && pr.length() > 100) {
            throw new InvalidInsightsRequest("Tên tỉnh quá dài.");
        }
        if (pr != null && pr.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInsightsRequest("Tên tỉnh không hợp lệ (có ký tự điều khiển).");
        }
        String th = blank(theme) ? null : theme.strip();
        if (th != null && !themes.containsKey(th)) {
            throw new InvalidInsightsRequest("theme không hợp lệ; dùng một trong: "
                    + String.join(", ", themes.keySet().stream().sorted().toList()) + ".");
        }
        return new Criteria(start, end, ch, pr, th);
    }

    Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInsightsRequest("Ngày không hợp lệ: " + name + "=" + value
                    + " (dùng dạng YYYY-MM-DD, ví dụ 2026-01-31).");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

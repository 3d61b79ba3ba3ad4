package vn.hoidap.insights;

import vn.hoidap.topics.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

    /** "asked_at >= ? AND asked_at < ? AND …" with its parameters, in order. */
    Sql where() {
        return withFilters("asked_at >= ? AND asked_at < ?",
                List.of(java.sql.Timestamp.from(start()), java.sql.Timestamp.from(endExclusive())));
    }

    /** The same filters over the daily roll-up (query_log_daily: calendar days, '' for unknown province). */
    Sql whereDaily() {
        return withFilters("day >= ? AND day <= ?", List.of(from, to));
    }

    /** The range condition followed by the channel, province and theme filters that are set. */
    private Sql withFilters(String range, List<Object> rangeParams) {
        StringBuilder sql = new StringBuilder(range);
        List<Object> params = new ArrayList<>(rangeParams);
        if (channel != null) {
            sql.append(" AND channel = ?");
            params.add(channel);
        }
        if (province != null) {
            sql.append(" AND province = ?");
            params.add(province);
        }
        if (theme != null) {
            sql.append(" AND theme = ?");
            params.add(theme);
        }
        return new Sql(sql.toString(), params);
    }

    /** The whole calendar months inside the range, [first, endExclusive), whatever the filters. */
    java.util.Optional<LocalDate[]> monthsInside() {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endExclusive = to.plusDays(1).withDayOfMonth(1);
        return first.isBefore(endExclusive) ? java.util.Optional.of(new LocalDate[] {first, endExclusive})
                : java.util.Optional.empty();
    }

    /**
     * The range's rows of a pair of roll-ups kept alike per day and per month (query_log_daily and
     * query_log_monthly, query_log_hourly and query_log_hourly_monthly), as a derived table {@code r} with
     * {@code columns}: whole months from the monthly table, the days before and after them from the daily
     * one. A year is then twelve months of rows plus at most two partial months of days, however many rows
     * were logged.
     */
    Sql rollup(String columns, String daily, String monthly) {
        java.util.Optional<LocalDate[]> months = monthsInside();
        if (months.isEmpty()) {
            Sql d = whereDaily();
            return new Sql("(SELECT " + columns + " FROM " + daily + " WHERE " + d.text() + ") r", d.params());
        }
        LocalDate[] m = months.get();
        Sql whole = withFilters("month >= ? AND month < ?", List.of(m[0], m[1]));
        Sql edges = withFilters("((day >= ? AND day < ?) OR (day >= ? AND day <= ?))", List.of(from, m[0], m[1], to));
        List<Object> params = new ArrayList<>(whole.params());
        params.addAll(edges.params());
        return new Sql("(SELECT " + columns + " FROM " + monthly + " WHERE " + whole.text() + " UNION ALL SELECT "
                + columns + " FROM " + daily + " WHERE " + edges.text() + ") r", params);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    record Sql(String text, List<Object> params) {
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

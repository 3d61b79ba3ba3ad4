package vn.hoidap.insights;

import vn.hoidap.topics.Topic;
import vn.hoidap.topics.TopicCatalog;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate queries behind {@code /api/insights}, over query_log. Filters are bound parameters
 * (never concatenated values); every query starts from the asked_at range, which the indexes lead with.
 */
@Singleton
class InsightsQueries {

    /** How many exact keys SQL hands to the near-duplicate grouping per requested group. */
    private static final int KEYS_PER_GROUP = 10;
    private static final int RECENT_COMMENTS = 20;

    private final JdbcOperations jdbc;
    private final TopicCatalog catalog;

    InsightsQueries(JdbcOperations jdbc, TopicCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    Reports.Volume volume(Criteria c, String bucket) {
        Criteria.Sql w = c.whereDaily();
        // Weeks are summed here from the days: date_trunc('week', …) on every roll-up row costs more than the query.
        String sql = "SELECT day, sum(questions), sum(unanswered) FROM query_log_day WHERE " + w.text() + " GROUP BY day";
        Map<LocalDate, long[]> counts = new HashMap<>();
        query(sql, w.params(), rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            LocalDate b = "week".equals(bucket) ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
            long[] n = counts.computeIfAbsent(b, k -> new long[2]);
            n[0] += rs.getLong(2);
            n[1] += rs.getLong(3);
        });
        // Every bucket of the range, zeros included, so a chart shows quiet days as quiet.
        List<Reports.VolumeBucket> buckets = new ArrayList<>();
        LocalDate first = "week".equals(bucket) ? c.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : c.from();
        long total = 0;
        long unanswered = 0;
        for (LocalDate d = first; !d.isAfter(c.to()); d = d.plus(1, "week".equals(bucket) ? ChronoUnit.WEEKS : ChronoUnit.DAYS)) {
            long[] n = counts.getOrDefault(d, new long[2]);
            buckets.add(new Reports.VolumeBucket(d, n[0], n[1]));
            total += n[0];
            unanswered += n[1];
        }
        return new Reports.Volume(c.from(), c.to(), bucket, total, unanswered, buckets);
    }

    /** Questions and unanswered ones per channel or per province (column of the daily roll-up), most first. */
    List<Reports.Count> by(Criteria c, String column) {
        if (!column.equals("channel") && !column.equals("province")) {
            throw new IllegalArgumentException(column);
        }
        Criteria.Sql r = c.rollup(column + ", questions, unanswered", "query_log_daily", "query_log_monthly");
        List<Reports.Count> out = new ArrayList<>();
        query("SELECT " + column + ", sum(questions), sum(unanswered) FROM " + r.text()
                + " GROUP BY " + column + " ORDER BY 2 DESC, 1", r.params(),
                rs -> out.add(new Reports.Count(rs.getString(1).isEmpty() ? "Không rõ" : rs.getString(1), rs.getLong(2),
                        rs.getLong(3))));
        return out;
    }

    /** Questions per hour of the day (Vietnam's time), 0–23, zeros included. */
    long[] hours(Criteria c) {
        Criteria.Sql r = c.rollup("hour, questions", "query_log_hourly", "query_log_hourly_monthly");
        long[] hours = new long[24];
        query("SELECT hour, sum(questions) FROM " + r.text() + " GROUP BY hour", r.params(),
                rs -> hours[rs.getInt(1)] = rs.getLong(2));
        return hours;
    }

    /** Questions and unanswered ones in the range: {questions, unanswered}. */
    long[] totals(Criteria c) {
        Criteria.Sql r = c.rollup("questions, unanswered", "query_log_day", "query_log_monthly");
        long[] totals = new long[2];
        query("SELECT coalesce(sum(questions), 0), coalesce(sum(unanswered), 0) FROM " + r.text(), r.params(), rs -> {
            totals[0] = rs.getLong(1);
            totals[1] = rs.getLong(2);
        });
        return totals;
    }

    Reports.Topics topics(Criteria c) {
        Criteria.Sql r = c.rollup("theme, topic, questions", "query_log_daily", "query_log_monthly");
        Map<String, Map<String, Long>> byTheme = new LinkedHashMap<>();
        long[] total = new long[1];
        query("SELECT theme, topic, sum(questions) FROM " + r.text() + " GROUP BY theme, topic",
                r.params(), rs -> {
                    byTheme.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
                    total[0] += rs.getLong(3);
                });
        return topics(c, byTheme, total[0]);
    }

    private Reports.Topics topics(Criteria c, Map<String, Map<String, Long>> byTheme, long total) {
        List<Reports.ThemeCount> themes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : byTheme.entrySet()) {
            String themeId = e.getKey().isEmpty() ? TopicCatalog.OTHER : e.getKey();
            String themeName = e.getKey().isEmpty() ? "Khác"
                    : catalog.themes().containsKey(themeId) ? catalog.themes().get(themeId).name() : themeId;
            List<Reports.TopicCount> topics = e.getValue().entrySet().stream()
                    .map(t -> new Reports.TopicCount(t.getKey(),
                            catalog.topic(t.getKey()).map(Topic::name).orElse(t.getKey()), t.getValue(),
                            share(t.getValue(), total)))
                    .sorted(Comparator.comparingLong(Reports.TopicCount::count).reversed()
                            .thenComparing(Reports.TopicCount::id))
                    .toList();
            long n = topics.stream().mapToLong(Reports.TopicCount::count).sum();
            themes.add(new Reports.ThemeCount(themeId, themeName, n, share(n, total), topics));
        }
        themes.sort(Comparator.comparingLong(Reports.ThemeCount::count).reversed().thenComparing(Reports.ThemeCount::id));
        return new Reports.Topics(c.from(), c.to(), total, themes);
    }

    /** The dashboard's channels, provinces, themes and topics, and verdict counts, from one pass over the roll-ups. */
    record Breakdown(List<Reports.Count> channels, List<Reports.Count> provinces, Reports.Topics topics, long rated,
                     long helpful) {
    }

    Breakdown breakdown(Criteria c) {
        Criteria.Sql r = c.rollup("channel, province, theme, topic, questions, unanswered, rated, helpful",
                "query_log_daily", "query_log_monthly");
        List<Reports.Count> channels = new ArrayList<>();
        List<Reports.Count> provinces = new ArrayList<>();
        Map<String, Map<String, Long>> byTheme = new LinkedHashMap<>();
        long[] sums = new long[3];
        query("SELECT grouping(channel), grouping(province), channel, province, theme, topic, sum(questions),"
                + " sum(unanswered), sum(rated), sum(helpful) FROM " + r.text()
                + " GROUP BY GROUPING SETS ((channel), (province), (theme, topic)) ORDER BY 7 DESC, 3, 4", r.params(), rs -> {
                    if (rs.getInt(1) == 0) {
                        channels.add(new Reports.Count(rs.getString(3), rs.getLong(7), rs.getLong(8)));
                    } else if (rs.getInt(2) == 0) {
                        String province = rs.getString(4);
                        provinces.add(new Reports.Count(province.isEmpty() ? "Không rõ" : province, rs.getLong(7), rs.getLong(8)));
                    } else {
                        byTheme.computeIfAbsent(rs.getString(5), k -> new HashMap<>()).merge(rs.getString(6), rs.getLong(7), Long::sum);
                        sums[0] += rs.getLong(7);
                        sums[1] += rs.getLong(9);
                        sums[2] += rs.getLong(10);
                    }
                });
        return new Breakdown(channels, provinces, topics(c, byTheme, sums[0]), sums[1], sums[2]);
    }

    Reports.Questions topQuestions(Criteria c, int limit) {
        List<NearDuplicates.Key> keys = keys(c, limit, false);
        List<Reports.QuestionGroup> groups = new ArrayList<>(NearDuplicates.group(keys));
        groups.sort(Comparator.comparingLong(Reports.QuestionGroup::count).reversed());
        return new Reports.Questions(c.from(), c.to(), total(keys), groups.subList(0, Math.min(limit, groups.size())));
    }

    Reports.Questions unanswered(Criteria c, int limit) {
        List<NearDuplicates.Key> keys = keys(c, limit, true);
        List<Reports.QuestionGroup> groups = new ArrayList<>(NearDuplicates.group(keys));
        groups.sort(Comparator.comparing(Reports.QuestionGroup::lastAskedAt).reversed());
        return new Reports.Questions(c.from(), c.to(), total(keys), groups.subList(0, Math.min(limit, groups.size())));
    }

    /**
     * Counts per exact key, most asked first (or, for unanswered, most recently asked first). Without a channel
     * or province filter they come from the key roll-ups (whole months from query_key_monthly, the other days
     * from query_key_daily); with one, from query_log itself (the roll-ups are kept per theme only).
     */
    private List<NearDuplicates.Key> keys(Criteria c, int limit, boolean unanswered) {
        String order = unanswered ? "last DESC, k" : "n DESC, k";
        List<Object> params = new ArrayList<>();
        String sql;
        if (c.channel() != null || c.province() != null) {
            Criteria.Sql w = c.where();
            params.addAll(w.params());
            sql = "SELECT question_key AS k, count(*) AS n, max(asked_at) AS last, sum(count(*)) OVER ()"
                    + " FROM query_log WHERE " + w.text() + (unanswered ? " AND fallback" : "")
                    + " AND question_key <> '' GROUP BY question_key ORDER BY " + order + " LIMIT ?";
        } else {
            Criteria.Sql r = c.rollup(unanswered ? "question_key, unanswered AS n, last_unanswered_at AS last"
                    : "question_key, questions AS n, last_at AS last", "query_key_daily", "query_key_monthly");
            params.addAll(r.params());
            sql = "SELECT question_key AS k, sum(n) AS n, max(last) AS last, sum(sum(n)) OVER () FROM " + r.text()
                    + (unanswered ? " WHERE n > 0" : "") + " GROUP BY question_key ORDER BY " + order + " LIMIT ?";
        }
        params.add(limit * KEYS_PER_GROUP);
        Map<String, Object[]> counted = new LinkedHashMap<>();
        long[] total = new long[1];
        query(sql, params, rs -> {
            counted.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getTimestamp(3).toInstant()});
            total[0] = rs.getLong(4);
        });
        return withWording(c, counted, total[0]);
    }

    /** The latest wording and topic of each key: one index probe per key, not a heap visit per row. */
    private List<NearDuplicates.Key> withWording(Criteria c, Map<String, Object[]> counted, long total) {
        if (counted.isEmpty()) {
            return List.of();
        }
        Criteria.Sql w = c.where();
        Map<String, String[]> latest = new HashMap<>();
        jdbc.execute((Connection conn) -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT k, l.question, l.topic FROM unnest(?) AS k
                    CROSS JOIN LATERAL (SELECT question, topic FROM query_log
                                        WHERE question_key = k AND asked_at >= ? AND asked_at < ?
                                        ORDER BY asked_at DESC LIMIT 1) l""")) {
                ps.setArray(1, conn.createArrayOf("text", counted.keySet().toArray()));
                ps.setObject(2, w.params().get(0));
                ps.setObject(3, w.params().get(1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return null;
        });
        List<NearDuplicates.Key> keys = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : counted.entrySet()) {
            String[] l = latest.getOrDefault(e.getKey(), new String[] {e.getKey(), null});
            keys.add(new NearDuplicates.Key(e.getKey(), (Long) e.getValue()[0], l[0], l[1],
                    (java.time.Instant) e.getValue()[1], total));
        }
        return keys;
    }

    private static long total(List<NearDuplicates.Key> keys) {
        return keys.isEmpty() ? 0 : keys.get(0).total();
    }

    Reports.Feedback feedback(Criteria c) {
        Criteria.Sql daily = c.rollup("theme, questions, rated, helpful", "query_log_daily", "query_log_monthly");
        List<Reports.FeedbackByTheme> byTheme = new ArrayList<>();
        long[] sums = new long[4];
        query("""
                SELECT theme, sum(questions), sum(rated), sum(helpful), sum(rated) - sum(helpful)
                FROM %s GROUP BY theme""".formatted(daily.text()), daily.params(), rs -> {
            String theme = rs.getString(1).isEmpty() ? TopicCatalog.OTHER : rs.getString(1);
            String name = catalog.themes().containsKey(theme) ? catalog.themes().get(theme).name() : "Khác";
            long rated = rs.getLong(3);
            long helpful = rs.getLong(4);
            byTheme.add(new Reports.FeedbackByTheme(theme, name, rated, helpful, rs.getLong(5), rate(helpful, rated)));
            sums[0] += rs.getLong(2);
            sums[1] += rated;
            sums[2] += helpful;
            sums[3] += rs.getLong(5);
        });
        byTheme.sort(Comparator.comparing(Reports.FeedbackByTheme::theme));
        Criteria.Sql w = c.where();
        List<Reports.FeedbackComment> comments = new ArrayList<>();
        List<Object> params = new ArrayList<>(w.params());
        params.add(RECENT_COMMENTS);
        query("""
                SELECT asked_at, question, feedback_comment, feedback FROM query_log
                WHERE %s AND feedback_comment IS NOT NULL ORDER BY feedback_at DESC LIMIT ?""".formatted(w.text()),
                params, rs -> comments.add(new Reports.FeedbackComment(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4))));
        return new Reports.Feedback(c.from(), c.to(), sums[0], sums[1], sums[2], sums[3], rate(sums[2], sums[1]),
                rate(sums[1], sums[0]), byTheme, comments);
    }

    /** Streams the rows of the range, oldest first, at most {@code max}; returns how many there were. */
    int export(Criteria c, int max, RowConsumer each) {
        Criteria.Sql w = c.where();
        List<Object> params = new ArrayList<>(w.params());
        params.add(max);
        int[] n = new int[1];
        query("""
                SELECT id, asked_at, channel, province, agency, theme, topic, intent, question, fallback, confidence,
                       top_source, latency_ms, feedback, feedback_comment
                FROM query_log WHERE %s ORDER BY asked_at, id LIMIT ?""".formatted(w.text()), params, rs -> {
            each.accept(rs);
            n[0]++;
        });
        return n[0];
    }

    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowConsumer each) {
        jdbc.execute((Connection conn) -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs);
                    }
                }
            }
            return null;
        });
    }

    private static double share(long n, long total) {
        return total == 0 ? 0 : Math.round(n * 10000.0 / total) / 10000.0;
    }

    private static Double rate(long n, long of) {
        return of == 0 ? null : Math.round(n * 10000.0 / of) / 10000.0;
    }
}

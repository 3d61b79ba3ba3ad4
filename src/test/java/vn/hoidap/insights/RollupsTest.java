package vn.hoidap.insights;

import vn.hoidap.topics.TopicCatalog;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The roll-ups behind the dashboard (V32: per month, per day without topic, per hour; V60: question keys per day
 * with channel, province, group and latest wording)
 * say exactly what query_log says: after rows spanning three months that first wait in the default partition
 * and are moved into their month's, a replayed batch, and verdicts that change; and the insights computed
 * from them for ranges with whole months and edge days equal counts over the raw rows. Channel "rollup32"
 * and May–July 2017 are written by no other test.
 */
@MicronautTest(startApplication = false, transactional = false)
class RollupsTest {

    @Inject
    DataSource dataSource;
    @Inject
    InsightsQueries queries;
    @Inject
    TopicCatalog catalog;

    @Test
    void rollupsEqualTheRawLogAndTheInsightsReadThem() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            String insert = """
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, theme, province, fallback)
                    SELECT ('00000000-0000-4000-b000-' || lpad(g::text, 12, '0'))::uuid,
                           timestamptz '2017-05-20 00:30:00+07' + g * interval '97 minutes',
                           'rollup32', 'câu ' || (g % 7), 'rollup32 cau ' || (g % 7),
                           (ARRAY['chu-ky-so','vneid-dinh-danh','khac'])[1 + g % 3],
                           (ARRAY['pho-cap-ky-nang-so','pho-cap-ky-nang-so',NULL])[1 + g % 3],
                           (ARRAY['Bình Định',NULL])[1 + g % 2], g % 5 = 0
                    FROM generate_series(1, 900) g
                    ON CONFLICT DO NOTHING""";
            s.executeUpdate(insert); // 20/05 → 19/07/2017, in the default partition (no 2017 partitions)
            s.execute("SELECT query_log_ensure_partition(d::date) FROM generate_series(date '2017-05-01', date '2017-07-01', interval '1 month') d");
            s.executeUpdate(insert); // a replayed batch: nothing new
            s.executeUpdate("UPDATE query_log SET feedback = (id::text < '00000000-0000-4000-b000-000000000450') WHERE channel = 'rollup32' AND question = 'câu 3'");
            s.executeUpdate("UPDATE query_log SET feedback = NULL WHERE channel = 'rollup32' AND question = 'câu 3' AND fallback");

            same(raw(s, """
                    SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(province, ''), topic,
                           count(*), count(*) FILTER (WHERE fallback), count(feedback), count(*) FILTER (WHERE feedback)
                    FROM query_log WHERE channel = 'rollup32' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""), raw(s, """
                    SELECT month, province, topic, questions, unanswered, rated, helpful
                    FROM query_log_monthly WHERE channel = 'rollup32' ORDER BY 1, 2, 3"""), "query_log_monthly");
            same(raw(s, """
                    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(province, ''), coalesce(theme, ''),
                           count(*), count(*) FILTER (WHERE fallback)
                    FROM query_log WHERE channel = 'rollup32' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""), raw(s, """
                    SELECT day, province, theme, questions, unanswered FROM query_log_day WHERE channel = 'rollup32'
                    ORDER BY 1, 2, 3"""), "query_log_day");
            same(raw(s, """
                    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int,
                           coalesce(province, ''), coalesce(theme, ''), count(*)
                    FROM query_log WHERE channel = 'rollup32' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"""), raw(s, """
                    SELECT day, hour::int, province, theme, questions FROM query_log_hourly WHERE channel = 'rollup32'
                    ORDER BY 1, 2, 3, 4"""), "query_log_hourly");
            same(raw(s, """
                    SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                           extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int, count(*)
                    FROM query_log WHERE channel = 'rollup32' GROUP BY 1, 2 ORDER BY 1, 2"""), raw(s, """
                    SELECT month, hour::int, sum(questions) FROM query_log_hourly_monthly WHERE channel = 'rollup32'
                    GROUP BY 1, 2 ORDER BY 1, 2"""), "query_log_hourly_monthly");
            same(raw(s, """
                    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, channel, coalesce(province, ''), coalesce(theme, ''),
                           question_key, count(*), count(*) FILTER (WHERE fallback), max(asked_at),
                           max(asked_at) FILTER (WHERE fallback), (array_agg(question ORDER BY asked_at DESC))[1],
                           (array_agg(topic ORDER BY asked_at DESC))[1]
                    FROM query_log WHERE question_key LIKE 'rollup32 %' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"""), raw(s, """
                    SELECT day, channel, province, theme, question_key, questions, unanswered, last_at, last_unanswered_at,
                           question, topic FROM query_key_daily
                    WHERE question_key LIKE 'rollup32 %' ORDER BY 1, 2, 3, 4, 5"""), "query_key_daily");

            // Ranges with edge days only, one whole month and edges, two whole months.
            for (String[] range : new String[][] {{"2017-05-21", "2017-06-10"}, {"2017-05-25", "2017-07-03"},
                    {"2017-05-01", "2017-06-30"}}) {
                Criteria crit = Criteria.parse(range[0], range[1], "rollup32", null, null, catalog.themes(), 731);
                String where = "channel = 'rollup32' AND asked_at >= timestamptz '" + range[0] + " 00:00+07'"
                        + " AND asked_at < timestamptz '" + range[1] + " 00:00+07' + interval '1 day'";
                String label = range[0] + ".." + range[1];
                long[] totals = queries.totals(crit);
                assertArrayEquals(new long[] {count(s, where), count(s, where + " AND fallback")}, totals, label);
                long[] hours = queries.hours(crit);
                for (int h = 0; h < 24; h++) {
                    assertEquals(count(s, where + " AND extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = " + h),
                            hours[h], label + " hour " + h);
                }
                Map<String, Long> provinces = new java.util.HashMap<>();
                queries.by(crit, "province").forEach(p -> provinces.put(p.name(), p.count()));
                assertEquals(count(s, where + " AND province = 'Bình Định'"), provinces.getOrDefault("Bình Định", 0L), label);
                assertEquals(count(s, where + " AND province IS NULL"), provinces.getOrDefault("Không rõ", 0L), label);
                assertEquals(count(s, where), queries.topics(crit).total(), label);
                assertEquals(count(s, where + " AND feedback IS NOT NULL"), queries.feedback(crit).rated(), label);
                assertEquals(count(s, where + " AND feedback"), queries.feedback(crit).helpful(), label);
                // The dashboard's one-pass breakdown says what the separate reports say.
                InsightsQueries.Breakdown b = queries.breakdown(crit);
                assertEquals(queries.by(crit, "channel"), b.channels(), label);
                assertEquals(queries.by(crit, "province"), b.provinces(), label);
                assertEquals(queries.topics(crit), b.topics(), label);
                assertEquals(queries.feedback(crit).rated(), b.rated(), label);
                assertEquals(queries.feedback(crit).helpful(), b.helpful(), label);
                assertEquals(count(s, where), queries.volume(crit, "day").total(), label);
                assertEquals(count(s, where + " AND fallback"), queries.volume(crit, "week").unanswered(), label);
                // The key roll-ups (no channel filter): the theme filter keeps other tests' rows out of 2017.
                Criteria keys = Criteria.parse(range[0], range[1], null, null, "pho-cap-ky-nang-so", catalog.themes(), 731);
                assertEquals(count(s, where + " AND theme = 'pho-cap-ky-nang-so'"), queries.topQuestions(keys, 10).total(), label);
                assertEquals(count(s, where + " AND theme = 'pho-cap-ky-nang-so' AND fallback"),
                        queries.unanswered(keys, 10).total(), label);
            }
        }
    }

    /** Equal tables, reported by their first differing row (not the whole tables). */
    private static void same(List<List<String>> expected, List<List<String>> actual, String table) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), table + ", row " + i);
        }
        assertEquals(expected.size(), actual.size(), table + ": rows");
    }

    private static long count(Statement s, String where) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<List<String>> raw(Statement s, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError("no rows for " + sql);
        }
        return rows;
    }
}

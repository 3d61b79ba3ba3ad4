package vn.hoidap.insights;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.topics.TopicCatalog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Near-duplicates grouped when they are logged (V60), and top questions and unanswered ones ranked from the
 * question-key segments: equal to counts over the raw log joined with the groups, for ranges of whole months,
 * edge days and filters, with more groups of nearly equal counts than a segment's first list holds; again once
 * the segments are built; after a late row lands in a closed day; and after retention removes days. Channel
 * "groups60" and August–October 2016 are written by no other test.
 */
@MicronautTest(startApplication = false, transactional = false)
class QuestionGroupsTest {

    @Inject
    DataSource dataSource;
    @Inject
    InsightsQueries queries;
    @Inject
    TopicCatalog catalog;
    @Inject
    InsightsMaintenance maintenance;

    @Test
    void nearDuplicatesShareTheGroupOfTheirFirstWording() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, fallback)
                    VALUES ('00000000-0000-4000-b060-000000000001', '2016-07-01T08:00:00+07', 'groups60', 'a',
                            'groups60 cap lai giay phep lai xe o dau', 'khac', false),
                           ('00000000-0000-4000-b060-000000000002', '2016-07-01T09:00:00+07', 'groups60', 'b',
                            'groups60 cap lai giay phep lai xe', 'khac', false),
                           ('00000000-0000-4000-b060-000000000003', '2016-07-01T10:00:00+07', 'groups60', 'c',
                            'groups60 dang ky ket hon o dau', 'khac', false)
                    ON CONFLICT DO NOTHING""");
            // The writer gives each new key a group of its own; the background job groups them.
            maintenance.runUntilIdle();
            long a = group(s, "groups60 cap lai giay phep lai xe o dau");
            assertEquals(a, group(s, "groups60 cap lai giay phep lai xe"), "5 of 7 words: a near-duplicate");
            assertNotEquals(a, group(s, "groups60 dang ky ket hon o dau"), "3 of 10 words: another question");
        }
    }

    @Test
    void rankingsEqualTheRawLogBeforeAndAfterSegmentsAreBuiltLateRowsAndRetention() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            // 6,000 questions over 03/08–29/10/2016: 400 distinct ones with nearly equal counts, and 7 asked much
            // more often; a quarter unanswered; three provinces.
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, theme, province, fallback)
                    SELECT ('00000000-0000-4000-c060-' || lpad(g::text, 12, '0'))::uuid,
                           timestamptz '2016-08-03 00:10:00+07' + g * interval '21 minutes', 'groups60',
                           'Câu ' || k || '?', 'groups60 q' || k || ' w' || (k * 31 % 997), 'chu-ky-so',
                           'pho-cap-ky-nang-so', (ARRAY['Gia Lai', 'Đồng Nai', NULL])[1 + g % 3], g % 4 = 0
                    FROM (SELECT g, CASE WHEN g % 10 = 0 THEN 1 + g % 7 ELSE 1 + (hashtext(g::text) & 2147483647) % 400 END AS k
                          FROM generate_series(1, 6000) g) x
                    ON CONFLICT DO NOTHING""");
            String[][] ranges = {{"2016-08-03", "2016-10-29", null}, {"2016-08-15", "2016-10-10", null},
                    {"2016-08-01", "2016-09-30", "Gia Lai"}, {"2016-09-05", "2016-09-09", "Đồng Nai"}};
            // Before the job ran (no key grouped, no segment: every day read from the daily key counts), after
            // it grouped the keys and built the segments the reports asked for, and once more from them.
            for (int pass = 0; pass < 3; pass++) {
                for (String[] r : ranges) {
                    same(s, r, "pass " + pass);
                }
                maintenance.runUntilIdle();
            }
            assertEquals(1, scalar(s, "SELECT count(*) FROM query_key_segment WHERE f_channel = 'groups60'"
                    + " AND f_province = 'Gia Lai' AND kind = 'm' AND first_day = '2016-09-01'"),
                    "the job built the month segments of the filters a report asked for");
            // A late row (a replayed spill file) in a day whose segments are built.
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, theme, province, fallback)
                    SELECT ('00000000-0000-4000-d060-' || lpad(g::text, 12, '0'))::uuid,
                           timestamptz '2016-09-09 23:59:00+07' + g * interval '100 milliseconds', 'groups60', 'Muộn?',
                           'groups60 q400 w' || (400 * 31 % 997), 'chu-ky-so', 'pho-cap-ky-nang-so', 'Đồng Nai', true
                    FROM generate_series(1, 300) g ON CONFLICT DO NOTHING""");
            for (String[] r : ranges) {
                same(s, r, "after a late row");
            }
            maintenance.runUntilIdle();
            for (String[] r : ranges) {
                same(s, r, "after a late row, segments rebuilt");
            }
            Reports.Questions late = queries.unanswered(crit("2016-09-05", "2016-09-09", "Đồng Nai"), 10);
            assertEquals("Muộn?", late.groups().get(0).question(), "the late rows are the newest unanswered");
            // Retention removes the days before September.
            s.executeUpdate("DELETE FROM query_key_daily WHERE channel = 'groups60' AND day < '2016-09-01'");
            Reports.Questions kept = queries.topQuestions(crit("2016-08-03", "2016-10-29", null), 10);
            assertEquals(count(s, "asked_at >= '2016-09-01T00:00:00+07' AND asked_at < '2016-10-30T00:00:00+07'"),
                    kept.total(), "only the days left are counted");
            maintenance.runUntilIdle();
            assertEquals(kept.total(), queries.topQuestions(crit("2016-08-03", "2016-10-29", null), 10).total(),
                    "and again from the segments rebuilt");
        }
    }

    /**
     * A log written before V60 (simulated: the days' key counts removed and the backfill frontier set, as the
     * migration leaves a deployed database): reports read those days from query_log meanwhile, a row logged
     * late into such a day is left to the backfill by the trigger, and once the job has run, the same reports
     * come from query_key_daily with the near-duplicates grouped. 10–12/04/2015 are written by no other test.
     */
    @Test
    void daysLoggedBeforeTheMigrationAreExactWhileTheyAreRebuilt() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            // Question k asked 10 + 3k times (distinct counts: one order; one word of three shared: not
            // near-duplicates); the near-duplicate "... o dau" of question 1 (3 of 5 words) asked twice more.
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, fallback)
                    SELECT ('00000000-0000-4000-e060-' || lpad((k * 1000 + i)::text, 12, '0'))::uuid,
                           timestamptz '2015-04-10 07:00:00+07' + (i * 37 % 60) * interval '1 hour',
                           'backfill60', 'Câu ' || k || '?', 'backfill60 q' || k || ' w' || (k * 31 % 997), 'khac', i % 3 = 0
                    FROM generate_series(1, 6) k, generate_series(1, 10 + 3 * k) i
                    UNION ALL
                    SELECT ('00000000-0000-4000-e061-' || lpad(i::text, 12, '0'))::uuid,
                           timestamptz '2015-04-12 20:00:00+07' + i * interval '1 minute',
                           'backfill60', 'Câu 1 ở đâu?', 'backfill60 q1 w31 o dau', 'khac', false
                    FROM generate_series(1, 2) i
                    ON CONFLICT DO NOTHING""");
            s.executeUpdate("DELETE FROM query_key_daily WHERE day BETWEEN '2015-04-10' AND '2015-04-12'");
            s.executeUpdate("INSERT INTO query_key_backfill VALUES (true, '2015-04-10', '2015-04-12', '2015-04-12')");
            // Logged late into a day the backfill has not reached: not counted twice.
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, fallback)
                    VALUES ('00000000-0000-4000-e062-000000000001', '2015-04-11T09:00:00+07', 'backfill60', 'Câu 6?',
                            'backfill60 q6 w186', 'khac', true)""");
            Criteria crit = Criteria.parse("2015-04-01", "2015-04-30", "backfill60", null, null, catalog.themes(), 731);
            List<Long> before = queries.topQuestions(crit, 10).groups().stream().map(Reports.QuestionGroup::count).toList();
            assertEquals(List.of(29L, 25L, 22L, 19L, 16L, 13L, 2L), before, "each key its own group, read from query_log");
            assertEquals(126, queries.topQuestions(crit, 10).total());
            assertEquals(scalar(s, "SELECT count(*) FROM query_log WHERE channel = 'backfill60' AND fallback"),
                    queries.unanswered(crit, 10).total());
            maintenance.runUntilIdle();
            assertEquals(0, scalar(s, "SELECT count(*) FROM query_key_backfill"), "the backfill is done");
            assertEquals(0L, maintenance.status().get("backfillDaysLeft"), "as /health shows it");
            Reports.Questions after = queries.topQuestions(crit, 10);
            assertEquals(List.of(29L, 25L, 22L, 19L, 16L, 15L), after.groups().stream().map(Reports.QuestionGroup::count).toList(),
                    "the near-duplicate joined question 1 once grouped");
            assertEquals(2, after.groups().get(5).variants());
            assertEquals(126, after.total());
            assertEquals(scalar(s, "SELECT count(*) FROM query_log WHERE channel = 'backfill60' AND fallback"),
                    queries.unanswered(crit, 10).total());
        }
    }

    /** Top questions and unanswered groups of a range as the raw log counts them, with the same order. */
    private void same(Statement s, String[] r, String label) throws SQLException {
        Criteria crit = crit(r[0], r[1], r[2]);
        String where = "l.channel = 'groups60' AND l.asked_at >= timestamptz '" + r[0] + " 00:00+07'"
                + " AND l.asked_at < timestamptz '" + r[1] + " 00:00+07' + interval '1 day'"
                + (r[2] == null ? "" : " AND l.province = '" + r[2] + "'");
        String what = label + " " + String.join(",", r[0], r[1], String.valueOf(r[2]));
        Reports.Questions top = queries.topQuestions(crit, 10);
        assertEquals(rows(s, """
                SELECT count(*), max(l.asked_at) FROM query_log l JOIN question_group g USING (question_key)
                WHERE %s GROUP BY g.group_id ORDER BY count(*) DESC, g.group_id LIMIT 10""".formatted(where)),
                top.groups().stream().map(g -> g.count() + " " + g.lastAskedAt().toEpochMilli()).toList(), what);
        assertEquals(count(s, where.replace("l.", "")), top.total(), what);
        Reports.Questions unanswered = queries.unanswered(crit, 10);
        assertEquals(rows(s, """
                SELECT count(*), max(l.asked_at) FROM query_log l JOIN question_group g USING (question_key)
                WHERE %s AND l.fallback GROUP BY g.group_id ORDER BY max(l.asked_at) DESC, g.group_id LIMIT 10""".formatted(where)),
                unanswered.groups().stream().map(g -> g.count() + " " + g.lastAskedAt().toEpochMilli()).toList(), what);
        assertEquals(count(s, where.replace("l.", "") + " AND fallback"), unanswered.total(), what);
    }

    private Criteria crit(String from, String to, String province) {
        return Criteria.parse(from, to, "groups60", province, null, catalog.themes(), 731);
    }

    private static long group(Statement s, String key) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT group_id FROM question_group WHERE question_key = '" + key + "'")) {
            assertTrue(rs.next(), key);
            return rs.getLong(1);
        }
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Statement s, String where) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log WHERE channel = 'groups60' AND " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getTimestamp(2).getTime());
            }
        }
        return out;
    }
}

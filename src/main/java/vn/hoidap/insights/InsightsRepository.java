package vn.hoidap.insights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/**
 * Every aggregate the insights read, as SQL projections over the roll-ups that triggers on query_log keep
 * (V3, V32, V60); none reads query_log except the recent comments. Filters are nullable parameters (NULL =
 * any). A range of days reads calendar months from the monthly roll-ups and adds or subtracts days of the
 * daily ones (see {@link Span}): a year is thirteen months of rows and a few days, however many rows were
 * logged. Question keys are read from segments of closed periods (V60) where the background job has built
 * them, else from the daily key counts.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InsightsRepository extends GenericRepository<KeySegment, Long> {

    String FILTERS = " AND (CAST(:channel AS TEXT) IS NULL OR channel = :channel)"
            + " AND (CAST(:province AS TEXT) IS NULL OR province = :province)"
            + " AND (CAST(:theme AS TEXT) IS NULL OR theme = :theme)";
    String MONTHS = " month >= :monthFrom AND month < :monthTo";
    String ADDED = " ((day >= :addFrom AND day <= :addTo) OR (day >= :add2From AND day <= :add2To))";
    String SUBTRACTED = " ((day >= :subFrom AND day <= :subTo) OR (day >= :sub2From AND day <= :sub2To))";

    /** query_log_monthly (months) plus and minus days of query_log_daily, as {@code r}: see {@link Span}. */
    String COUNTS = "(SELECT channel, province, topic, theme, questions, unanswered, rated, helpful"
            + " FROM query_log_monthly WHERE" + MONTHS + FILTERS
            + " UNION ALL SELECT channel, province, topic, theme, questions, unanswered, rated, helpful"
            + " FROM query_log_daily WHERE" + ADDED + FILTERS
            + " UNION ALL SELECT channel, province, topic, theme, -questions, -unanswered, -rated, -helpful"
            + " FROM query_log_daily WHERE" + SUBTRACTED + FILTERS + ") r";

    @Query("""
            SELECT day, CAST(sum(questions) AS BIGINT) AS questions, CAST(sum(unanswered) AS BIGINT) AS unanswered
            FROM query_log_day WHERE day >= :from AND day <= :to""" + FILTERS + " GROUP BY day")
    List<DayVolume> volume(LocalDate from, LocalDate to, @Nullable String channel, @Nullable String province,
                           @Nullable String theme);

    /** Questions and unanswered ones of the range (whole months from query_log_monthly, edges from query_log_day). */
    @Query("SELECT CAST(coalesce(sum(questions), 0) AS BIGINT) AS questions,"
            + " CAST(coalesce(sum(unanswered), 0) AS BIGINT) AS unanswered FROM ("
            + "SELECT questions, unanswered FROM query_log_monthly WHERE" + MONTHS + FILTERS
            + " UNION ALL SELECT questions, unanswered FROM query_log_day WHERE" + ADDED + FILTERS
            + " UNION ALL SELECT -questions, -unanswered FROM query_log_day WHERE" + SUBTRACTED + FILTERS + ") r")
    RangeTotals totals(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    @Query("SELECT channel AS name, CAST(sum(questions) AS BIGINT) AS questions,"
            + " CAST(sum(unanswered) AS BIGINT) AS unanswered FROM " + COUNTS + " GROUP BY channel HAVING sum(questions) > 0 ORDER BY 2 DESC, 1")
    List<NamedCount> byChannel(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    @Query("SELECT province AS name, CAST(sum(questions) AS BIGINT) AS questions,"
            + " CAST(sum(unanswered) AS BIGINT) AS unanswered FROM " + COUNTS + " GROUP BY province HAVING sum(questions) > 0 ORDER BY 2 DESC, 1")
    List<NamedCount> byProvince(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    @Query("SELECT theme, topic, CAST(sum(questions) AS BIGINT) AS questions FROM " + COUNTS
            + " GROUP BY theme, topic HAVING sum(questions) > 0")
    List<TopicCount> topics(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    @Query("SELECT theme, CAST(sum(questions) AS BIGINT) AS questions, CAST(sum(rated) AS BIGINT) AS rated,"
            + " CAST(sum(helpful) AS BIGINT) AS helpful FROM " + COUNTS + " GROUP BY theme HAVING sum(questions) > 0")
    List<ThemeFeedback> feedback(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    /** Channels, provinces, and themes with topics and verdicts, in one pass over the roll-ups. */
    @Query("SELECT grouping(channel) = 0 AS by_channel, grouping(province) = 0 AS by_province, channel, province,"
            + " theme, topic, CAST(sum(questions) AS BIGINT) AS questions, CAST(sum(unanswered) AS BIGINT) AS unanswered,"
            + " CAST(sum(rated) AS BIGINT) AS rated, CAST(sum(helpful) AS BIGINT) AS helpful FROM " + COUNTS
            + " GROUP BY GROUPING SETS ((channel), (province), (theme, topic)) HAVING sum(questions) > 0 ORDER BY 7 DESC, 3, 4")
    List<BreakdownRow> breakdown(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    @Query("SELECT hour, CAST(sum(questions) AS BIGINT) AS questions FROM ("
            + "SELECT hour, questions FROM query_log_hourly_monthly WHERE" + MONTHS + FILTERS
            + " UNION ALL SELECT hour, questions FROM query_log_hourly WHERE" + ADDED + FILTERS
            + " UNION ALL SELECT hour, -questions FROM query_log_hourly WHERE" + SUBTRACTED + FILTERS + ") r GROUP BY hour")
    List<HourCount> hours(LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
                    LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
                    LocalDate sub2To, @Nullable String channel, @Nullable String province, @Nullable String theme);

    /** The newest comments of the range (query_log_comments: newest verdicts first, per month partition). */
    @Query("""
            SELECT asked_at, question, feedback_comment AS comment, feedback AS helpful FROM query_log
            WHERE asked_at >= :start AND asked_at < :end AND feedback_comment IS NOT NULL""" + FILTERS + """

            ORDER BY feedback_at DESC LIMIT :limit""")
    List<RecentComment> recentComments(java.time.Instant start, java.time.Instant end, @Nullable String channel,
                                       @Nullable String province, @Nullable String theme, int limit);

    /** The built segments (V60) of one filter combination ('' = any) inside {@code [from, closedTo]}. */
    @Query("""
            SELECT id, kind, first_day, last_day, f_channel, f_province, f_theme, questions, unanswered
            FROM query_key_segment
            WHERE f_channel = :fChannel AND f_province = :fProvince AND f_theme = :fTheme
              AND first_day >= :from AND last_day <= :closedTo""")
    List<KeySegment> segments(LocalDate from, LocalDate closedTo, String fChannel, String fProvince, String fTheme);

    /**
     * Where a ranking reads its question keys, decided by the caller from the segments built so far
     * ({@link KeyPlan}): the segments {@code :segs} (re-checked here, in the query's snapshot: {@code segments}
     * in the answer says how many still existed), the days {@code :liveDays} from query_key_daily, and, for
     * the days logged before V60 that the backfill has not reached yet (query_key_backfill), query_log itself,
     * where a key not grouped yet is a group of its own (a negative id from its hash). The backfill's frontier
     * is read once, in this snapshot, so a day is counted by exactly one branch.
     */
    String SOURCES = "WITH seg AS MATERIALIZED (SELECT id, questions, unanswered FROM query_key_segment WHERE id IN (:segs)),"
            + " pend AS MATERIALIZED (SELECT (SELECT next_day FROM query_key_backfill) AS day),"
            + " keyed AS MATERIALIZED ("
            + "SELECT group_id, question_key, questions, unanswered, last_at, last_unanswered_at, question, topic"
            + " FROM query_key_daily WHERE day IN (:liveDays)"
            + " AND day > coalesce((SELECT day FROM pend), DATE '1900-01-01')" + FILTERS
            + " UNION ALL SELECT coalesce(g.group_id, -1 - (hashtextextended(l.question_key, 0) & 4611686018427387903)),"
            + " l.question_key, 1, CASE WHEN l.fallback THEN 1 ELSE 0 END, l.asked_at,"
            + " CASE WHEN l.fallback THEN l.asked_at END, l.question, l.topic"
            + " FROM query_log l LEFT JOIN question_group g ON g.question_key = l.question_key"
            + " WHERE l.asked_at >= :start AND l.asked_at < :end"
            + " AND l.asked_at < (SELECT CAST(day + 1 AS timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM pend)"
            + " AND l.question_key <> ''" + FILTERS + ")";

    /**
     * The {@code n} most asked groups of the range, by the threshold algorithm: each segment's {@code k} most
     * asked groups are candidates; a group missing from a segment's list has there at most the list's last
     * count ({@code tau}, 0 for a complete list). Candidates whose upper bound reaches the n-th largest lower
     * bound get their exact count (one primary-key probe per segment); {@code exact} is true when no group
     * outside every list can reach it either (the sum of the taus is below it), else the caller asks again
     * with a larger {@code k}. The days without a segment are counted in full ({@link #SOURCES}). {@code skip} = n - 1.
     */
    @Query(SOURCES + """
            ,
            live AS MATERIALIZED (SELECT group_id, CAST(sum(questions) AS BIGINT) AS n FROM keyed GROUP BY group_id),
            top AS MATERIALIZED (
                SELECT seg.id, t.group_id, CAST(t.questions AS BIGINT) AS n
                FROM seg CROSS JOIN LATERAL (
                    SELECT g.group_id, g.questions FROM query_group_segment g WHERE g.segment_id = seg.id
                    ORDER BY g.questions DESC, g.group_id LIMIT :k) t),
            tau AS (SELECT id, CASE WHEN count(*) < :k THEN 0 ELSE min(n) END AS tau FROM top GROUP BY id),
            rest AS (SELECT coalesce(sum(tau), 0) AS rest FROM tau),
            cand AS (
                SELECT group_id, sum(n) AS lower, sum(tau) AS present FROM (
                    SELECT top.group_id, top.n, tau.tau FROM top JOIN tau USING (id)
                    UNION ALL SELECT group_id, n, 0 FROM live) x
                GROUP BY group_id),
            bound AS (SELECT coalesce((SELECT lower FROM cand ORDER BY lower DESC LIMIT 1 OFFSET :skip), 0) AS l),
            keep AS (SELECT c.group_id FROM cand c, rest, bound WHERE c.lower + rest.rest - c.present >= bound.l),
            counted AS (
                SELECT k.group_id,
                       coalesce((SELECT sum(g.questions) FROM seg JOIN query_group_segment g
                                 ON g.segment_id = seg.id AND g.group_id = k.group_id), 0)
                       + coalesce((SELECT n FROM live WHERE live.group_id = k.group_id), 0) AS n
                FROM keep k)
            SELECT c.group_id, CAST(c.n AS BIGINT) AS count, (rest.rest = 0 OR rest.rest < bound.l) AS exact,
                   CAST((SELECT coalesce(sum(questions), 0) FROM seg) + (SELECT coalesce(sum(n), 0) FROM live) AS BIGINT) AS total,
                   (SELECT count(*) FROM seg) AS segments
            FROM counted c, rest, bound
            ORDER BY c.n DESC, c.group_id LIMIT :n""")
    List<GroupCount> topGroups(List<Long> segs, List<LocalDate> liveDays, java.time.Instant start,
                               java.time.Instant end, @Nullable String channel, @Nullable String province,
                               @Nullable String theme, int k, int n, int skip);

    /**
     * The {@code n} groups last left unanswered in the range, newest first, with their unanswered counts. A
     * group among the n newest overall is among the n newest of the segment holding its newest unanswered
     * question, so each segment's n newest (an index scan) are enough: always exact.
     */
    @Query(SOURCES + """
            ,
            live AS MATERIALIZED (
                SELECT group_id, CAST(sum(unanswered) AS BIGINT) AS n, max(last_unanswered_at) AS last
                FROM keyed WHERE unanswered > 0 GROUP BY group_id),
            recent AS (
                SELECT group_id, max(last) AS last FROM (
                    SELECT t.group_id, t.last_unanswered_at AS last FROM seg CROSS JOIN LATERAL (
                        SELECT g.group_id, g.last_unanswered_at FROM query_group_segment g
                        WHERE g.segment_id = seg.id AND g.unanswered > 0
                        ORDER BY g.last_unanswered_at DESC, g.group_id LIMIT :n) t
                    UNION ALL SELECT group_id, last FROM live) x
                GROUP BY group_id ORDER BY max(last) DESC, group_id LIMIT :n)
            SELECT r.group_id,
                   CAST(coalesce((SELECT sum(g.unanswered) FROM seg JOIN query_group_segment g
                                  ON g.segment_id = seg.id AND g.group_id = r.group_id), 0)
                        + coalesce((SELECT n FROM live WHERE live.group_id = r.group_id), 0) AS BIGINT) AS count,
                   true AS exact,
                   CAST((SELECT coalesce(sum(unanswered), 0) FROM seg) + (SELECT coalesce(sum(n), 0) FROM live) AS BIGINT) AS total,
                   (SELECT count(*) FROM seg) AS segments
            FROM recent r ORDER BY r.last DESC, r.group_id""")
    List<GroupCount> recentUnansweredGroups(List<Long> segs, List<LocalDate> liveDays, java.time.Instant start,
                                            java.time.Instant end, @Nullable String channel,
                                            @Nullable String province, @Nullable String theme, int n);

    /** The keys of some groups over the range: counts, last asked, latest wording and topic. */
    @Query(SOURCES + """

            SELECT group_id, question_key, CAST(sum(questions) AS BIGINT) AS questions,
                   CAST(sum(unanswered) AS BIGINT) AS unanswered, max(last_at) AS last_at,
                   max(last_unanswered_at) AS last_unanswered_at,
                   (array_agg(question ORDER BY last_at DESC))[1] AS question,
                   (array_agg(topic ORDER BY last_at DESC))[1] AS topic
            FROM (
                SELECT k.group_id, k.question_key, k.questions, k.unanswered, k.last_at, k.last_unanswered_at,
                       k.question, k.topic
                FROM seg JOIN query_key_segment_key k ON k.segment_id = seg.id AND k.group_id IN (:groups)
                UNION ALL
                SELECT group_id, question_key, questions, unanswered, last_at, last_unanswered_at, question, topic
                FROM keyed WHERE group_id IN (:groups)
            ) x
            GROUP BY group_id, question_key""")
    List<KeyCount> groupKeys(List<Long> segs, List<LocalDate> liveDays, java.time.Instant start, java.time.Instant end,
                             @Nullable String channel, @Nullable String province, @Nullable String theme,
                             List<Long> groups);
}

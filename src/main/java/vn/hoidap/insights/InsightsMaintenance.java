package vn.hoidap.insights;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.state.ClusterJobs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the question-key structures of V60 off the request path, on one instance at a time
 * ({@link ClusterJobs}), a few seconds of work per run:
 * <ol>
 * <li>the backfill: the days logged before V60 rebuilt into query_key_daily, newest first, one day per
 * transaction (resumable: the frontier is a row of query_key_backfill);</li>
 * <li>settling: new keys, their own group since the writer logged them, join the group of their most similar
 * settled key, in the order they were first asked (after the backfill, so that order is the log's);</li>
 * <li>segments: for every closed day and calendar month with questions, the per-group and per-key counts of
 * each filter combination reports asked for, newest first.</li>
 * </ol>
 * Reports are exact at every step: what is not built yet is read from query_key_daily (or, for days the
 * backfill has not reached, from query_log). Progress is in the admin's {@code /health} details and at
 * {@code /prometheus}.
 */
@Singleton
public class InsightsMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsMaintenance.class);
    private static final String JOB = "insights-maintenance";
    private static final int SETTLE_BATCH = 500;

    private final DataSource dataSource;
    private final ClusterJobs jobs;
    private final Duration budget;
    /** Filter combinations recorded, with the day they were last recorded (once a day each, not per report). */
    private final Map<String, LocalDate> wanted = new ConcurrentHashMap<>();
    /** Segments of a filter combination no report asked for in this many days are dropped. */
    private static final int WANTED_DAYS = 30;
    private final AtomicLong backfillDaysLeft = new AtomicLong(-1);
    private final AtomicLong backfilledDays = new AtomicLong();
    private final AtomicLong unsettledKeys = new AtomicLong(-1);
    private final AtomicLong settledKeys = new AtomicLong();
    private final AtomicLong segmentsBuilt = new AtomicLong();
    private final AtomicLong segmentsMissing = new AtomicLong(-1);
    private volatile String lastError;

    InsightsMaintenance(DataSource dataSource, ClusterJobs jobs, InsightsConfig config, MeterRegistry registry) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.jobs = jobs;
        this.budget = config.maintenanceBudget();
        Gauge.builder("hoidap.insights.backfill.days.left", backfillDaysLeft, AtomicLong::get)
                .description("Days logged before V60 not yet rebuilt into query_key_daily (-1: not read yet)")
                .register(registry);
        Gauge.builder("hoidap.insights.keys.unsettled", unsettledKeys, AtomicLong::get)
                .description("Question keys still their own group, waiting to be grouped").register(registry);
        Gauge.builder("hoidap.insights.segments.missing", segmentsMissing, AtomicLong::get)
                .description("Closed periods whose question-key segment is not built yet (at the last run)")
                .register(registry);
        Gauge.builder("hoidap.insights.segments.built", segmentsBuilt, AtomicLong::get)
                .description("Question-key segments built since start-up").register(registry);
    }

    @Scheduled(initialDelay = "${hoidap.insights.maintenance-delay:10s}",
            fixedDelay = "${hoidap.insights.maintenance-interval:2s}")
    void scheduled() {
        try {
            jobs.runOnce(JOB, Duration.ofSeconds(1), () -> work(System.nanoTime() + budget.toNanos()));
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("Insights maintenance: {}", e.getMessage());
        }
    }

    /** Records a filter combination ('' = any) a report read without all of its segments. */
    void want(String channel, String province, String theme) {
        String combo = channel + '\u0000' + province + '\u0000' + theme;
        LocalDate today = LocalDate.now(Criteria.ZONE);
        if (!today.equals(wanted.put(combo, today))) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO query_key_segment_wanted (f_channel, f_province, f_theme) VALUES (?, ?, ?)
                    ON CONFLICT (f_channel, f_province, f_theme) DO UPDATE SET asked_at = now()""")) {
                ps.setString(1, channel);
                ps.setString(2, province);
                ps.setString(3, theme);
                ps.executeUpdate();
            } catch (SQLException e) {
                wanted.remove(combo);
                LOG.warn("Insights: could not record the filters to build segments for: {}", e.getMessage());
            }
        }
    }

    /** One run of the three steps within the deadline ({@link System#nanoTime()}); true when nothing is left. */
    boolean work(long deadline) {
        try (Connection c = dataSource.getConnection()) {
            if (!backfill(c, deadline)) {
                return false;
            }
            boolean settled = settle(c, deadline);
            // Segments of closed days wait for the keys of those days to be grouped (a key that changes group
            // drops the segments it is in); keys first asked today do not hold them back.
            if (!settled && unsettledBefore(c, closedTo().plusDays(1))) {
                return false;
            }
            return segments(c, deadline) && settled;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs the steps until nothing is left (tests and the benchmark; safe beside a scheduled run elsewhere). */
    public void runUntilIdle() {
        for (int i = 0; i < 10_000; i++) {
            long before = backfilledDays.get() + settledKeys.get() + segmentsBuilt.get();
            if (work(System.nanoTime() + Duration.ofSeconds(30).toNanos())) {
                return;
            }
            if (backfilledDays.get() + settledKeys.get() + segmentsBuilt.get() == before) {
                try {
                    Thread.sleep(50); // another run holds the work: wait for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean backfill(Connection c, long deadline) throws SQLException {
        try (Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT next_day - first_day + 1 FROM query_key_backfill")) {
                    backfillDaysLeft.set(rs.next() ? rs.getLong(1) : 0);
                }
                if (backfillDaysLeft.get() == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                long t = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT query_key_backfill_step()")) {
                    rs.next();
                    Date day = rs.getDate(1);
                    if (day != null) {
                        backfilledDays.incrementAndGet();
                        LOG.debug("Insights backfill: {} rebuilt in {} ms", day, (System.nanoTime() - t) / 1_000_000);
                    }
                }
            }
        }
    }

    private boolean settle(Connection c, long deadline) throws SQLException {
        try (Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM question_group WHERE NOT settled")) {
                    rs.next();
                    unsettledKeys.set(rs.getLong(1));
                }
                if (unsettledKeys.get() == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try (ResultSet rs = s.executeQuery("SELECT question_group_settle(" + SETTLE_BATCH + ")")) {
                    rs.next();
                    int n = rs.getInt(1);
                    settledKeys.addAndGet(n);
                    if (n == 0) {
                        return false; // another run (another instance, or runUntilIdle) is settling them
                    }
                }
            }
        }
    }

    private static LocalDate closedTo() {
        return ZonedDateTime.now(Criteria.ZONE).minus(Span.GRACE).toLocalDate().minusDays(1);
    }

    private static boolean unsettledBefore(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM question_group WHERE NOT settled
                AND first_at < CAST(? AS timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh' LIMIT 1""")) {
            ps.setObject(1, day.atStartOfDay());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The closed periods with questions and no segment, per wanted combination, newest first. */
    private static final String MISSING = """
            SELECT p.kind, p.first_day, p.last_day FROM (
                SELECT DISTINCT 'd' AS kind, day AS first_day, day AS last_day FROM query_log_day
                WHERE day <= ? AND (? = '' OR channel = ?) AND (? = '' OR province = ?) AND (? = '' OR theme = ?)
                UNION
                SELECT DISTINCT 'm', CAST(date_trunc('month', day) AS date),
                       CAST(date_trunc('month', day) + interval '1 month - 1 day' AS date) FROM query_log_day
                WHERE day <= ? AND (? = '' OR channel = ?) AND (? = '' OR province = ?) AND (? = '' OR theme = ?)
            ) p
            WHERE p.last_day <= ? AND p.first_day > coalesce((SELECT next_day FROM query_key_backfill), DATE '1900-01-01')
              AND NOT EXISTS (SELECT 1 FROM query_key_segment s WHERE s.first_day = p.first_day AND s.kind = p.kind
                              AND s.f_channel = ? AND s.f_province = ? AND s.f_theme = ?)
            ORDER BY p.first_day DESC, p.kind""";

    private boolean segments(Connection c, long deadline) throws SQLException {
        LocalDate closedTo = closedTo();
        List<String[]> combos = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            // Filters nobody looked at for a month: their segments go (any filters at all are always kept).
            s.executeUpdate("""
                    WITH gone AS (DELETE FROM query_key_segment_wanted
                                  WHERE asked_at < now() - interval '%d days' AND (f_channel, f_province, f_theme) <> ('', '', '')
                                  RETURNING f_channel, f_province, f_theme)
                    DELETE FROM query_key_segment s USING gone g
                    WHERE s.f_channel = g.f_channel AND s.f_province = g.f_province AND s.f_theme = g.f_theme"""
                    .formatted(WANTED_DAYS));
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f_channel, f_province, f_theme FROM query_key_segment_wanted ORDER BY asked_at")) {
            while (rs.next()) {
                combos.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        long missing = 0;
        long builtHere = 0;
        boolean done = true;
        for (String[] f : combos) {
            List<Object[]> periods = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(MISSING)) {
                int i = 1;
                for (int half = 0; half < 2; half++) {
                    ps.setDate(i++, Date.valueOf(closedTo));
                    for (String v : f) {
                        ps.setString(i++, v);
                        ps.setString(i++, v);
                    }
                }
                ps.setDate(i++, Date.valueOf(closedTo));
                for (String v : f) {
                    ps.setString(i++, v);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        periods.add(new Object[] {rs.getString(1), rs.getDate(2), rs.getDate(3)});
                    }
                }
            }
            missing += periods.size();
            try (PreparedStatement build = c.prepareStatement("SELECT query_key_segment_of(CAST(? AS CHAR), ?, ?, ?, ?, ?)")) {
                for (Object[] p : periods) {
                    if (System.nanoTime() > deadline) {
                        done = false;
                        break;
                    }
                    build.setString(1, (String) p[0]);
                    build.setDate(2, (Date) p[1]);
                    build.setDate(3, (Date) p[2]);
                    for (int j = 0; j < 3; j++) {
                        build.setString(4 + j, f[j].isEmpty() ? null : f[j]);
                    }
                    build.executeQuery().close();
                    segmentsBuilt.incrementAndGet();
                    builtHere++;
                    missing--;
                }
            }
            if (!done) {
                break;
            }
        }
        segmentsMissing.set(done ? 0 : Math.max(missing, 1));
        if (done && builtHere > 0) {
            // Fresh segment rows are not all-visible yet: the rankings' index-only scans would visit the heap
            // for every entry of every list (8,200 heap fetches for a year) until autovacuum comes by.
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) query_key_segment, query_group_segment, query_key_segment_key");
            }
        }
        return done;
    }

    /** Progress for the admin's {@code /health} details. */
    java.util.Map<String, Object> status() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("backfillDaysLeft", backfillDaysLeft.get());
        m.put("backfilledDays", backfilledDays.get());
        m.put("unsettledKeys", unsettledKeys.get());
        m.put("settledKeys", settledKeys.get());
        m.put("segmentsMissing", segmentsMissing.get());
        m.put("segmentsBuilt", segmentsBuilt.get());
        if (lastError != null) {
            m.put("lastError", lastError);
        }
        return m;
    }
}

package vn.hoidap.querylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoidap.state.ClusterJobs;

import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * Keeps the query log within {@code hoidap.querylog.retention-days}: whole months past it are dropped as
 * partitions (no DELETE; counts by day, topic, channel and province survive in query_log_daily), and in the
 * month at the edge the redacted question text, its key and feedback comments are removed from older rows
 * (the rows stay). Works in chunks so a large first run does not hold long locks.
 */
@Singleton
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int CHUNK = 10_000;
    private static final String FORGET = """
            UPDATE query_log SET question = NULL, question_key = NULL, feedback_comment = NULL
            WHERE id IN (SELECT id FROM query_log
                         WHERE question IS NOT NULL AND asked_at < now() - make_interval(days => ?)
                         LIMIT ?)""";

    private final JdbcOperations jdbc;
    private final QueryLogConfig config;
    private final ClusterJobs jobs;

    private final Partitions partitions;

    RetentionJob(JdbcOperations jdbc, QueryLogConfig config, ClusterJobs jobs, Partitions partitions) {
        this.jdbc = jdbc;
        this.config = config;
        this.jobs = jobs;
        this.partitions = partitions;
    }

    /** Every instance schedules it; one runs it (advisory lock), at most once in five hours. */
    @Scheduled(initialDelay = "5m", fixedDelay = "6h")
    void scheduled() {
        try {
            jobs.runOnce("querylog-retention", Duration.ofHours(5), this::run);
        } catch (RuntimeException e) {
            LOG.warn("Query log retention did not run: {}", e.getMessage());
        }
    }

    /**
     * Drops the month partitions past the retention period (their counts live on in the daily roll-up),
     * creates the next months' partitions, then removes the text of older rows in the month at the edge.
     * Returns how many rows lost their text.
     */
    int run() {
        if (partitions != null) {
            partitions.dropBefore(java.time.LocalDate.now(Partitions.ZONE).minusDays(config.retentionDays()));
            partitions.ensureAhead(2);
        }
        int total = 0;
        int n;
        do {
            n = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(FORGET)) {
                    ps.setInt(1, config.retentionDays());
                    ps.setInt(2, CHUNK);
                    return ps.executeUpdate();
                }
            });
            total += n;
        } while (n == CHUNK);
        // The monthly key counts carry the folded question text: whole months past the period go too.
        int months = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM query_key_monthly
                    WHERE month < date_trunc('month', (now() - make_interval(days => ?)) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date""")) {
                ps.setInt(1, config.retentionDays());
                return ps.executeUpdate();
            }
        });
        if (months > 0) {
            LOG.info("Query log retention: removed {} monthly question counts", months);
        }
        // The daily key counts likewise (days older than the period; the texts of those days are gone).
        int days = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM query_key_daily
                    WHERE day < ((now() - make_interval(days => ?)) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date""")) {
                ps.setInt(1, config.retentionDays());
                return ps.executeUpdate();
            }
        });
        if (days > 0) {
            LOG.info("Query log retention: removed {} daily question counts", days);
        }
        if (total > 0) {
            LOG.info("Query log retention: removed the text of {} questions older than {} days", total,
                    config.retentionDays());
        }
        return total;
    }
}

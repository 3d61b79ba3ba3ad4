package vn.hoidap.querylog;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoidap.state.ClusterJobs;

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
    private final QueryLogRepository repository;
    private final QueryLogConfig config;
    private final ClusterJobs jobs;

    private final Partitions partitions;

    RetentionJob(QueryLogRepository repository, QueryLogConfig config, ClusterJobs jobs, Partitions partitions) {
        this.repository = repository;
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
            n = repository.forgetTextOlderThan(config.retentionDays(), CHUNK);
            total += n;
        } while (n == CHUNK);
        int months = repository.deleteKeyMonthsOlderThan(config.retentionDays());
        if (months > 0) {
            LOG.info("Query log retention: removed {} monthly question counts", months);
        }
        int days = repository.deleteKeyDaysOlderThan(config.retentionDays());
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

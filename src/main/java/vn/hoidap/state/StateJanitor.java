package vn.hoidap.state;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.time.Duration;

/** Purges expired shared state and old rate-limit windows, on one instance at a time, in small chunks. */
@Singleton
class StateJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(StateJanitor.class);
    private static final int CHUNK = 5_000;

    private final JdbcOperations jdbc;
    private final ClusterJobs jobs;

    StateJanitor(JdbcOperations jdbc, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    @Scheduled(initialDelay = "30s", fixedDelay = "1m")
    void scheduled() {
        try {
            jobs.runOnce("state-purge", Duration.ofSeconds(50), this::purge);
        } catch (RuntimeException e) {
            LOG.debug("State purge skipped: {}", e.getMessage());
        }
    }

    /** Returns how many rows went. */
    int purge() {
        int total = 0;
        total += chunked("""
                DELETE FROM shared_state WHERE ctid IN (
                    SELECT ctid FROM shared_state WHERE expires_at <= now() LIMIT ?)""");
        total += chunked("""
                DELETE FROM rate_window WHERE ctid IN (
                    SELECT ctid FROM rate_window WHERE window_start < now() - interval '1 hour' LIMIT ?)""");
        return total;
    }

    private int chunked(String sql) {
        int total = 0;
        int n;
        do {
            n = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setInt(1, CHUNK);
                    return ps.executeUpdate();
                }
            });
            total += n;
        } while (n == CHUNK);
        return total;
    }
}

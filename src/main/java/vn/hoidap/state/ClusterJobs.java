package vn.hoidap.state;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a periodic job on one instance only, however many replicas schedule it: the job runs while this
 * instance holds a PostgreSQL transaction-level advisory lock named after it (others skip at once), and
 * only if no instance completed it within {@code minInterval} (the marker is a {@code shared_state} row
 * written in the same transaction). The lock goes with the transaction, so a crashed instance never
 * leaves it held.
 */
@Singleton
public class ClusterJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);
    static final String NAMESPACE = "job";

    public enum Outcome { RAN, LOCKED_ELSEWHERE, DONE_RECENTLY }

    private final DataSource dataSource;

    ClusterJobs(DataSource dataSource) {
        // The raw pool, not Micronaut Data's contextual proxy (which wants a surrounding @Connectable).
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Outcome runOnce(String job, Duration minInterval, Runnable work) {
        return runOnce(job, minInterval, () -> {
            work.run();
            return null;
        }).outcome();
    }

    public record Result<T>(Outcome outcome, T value) {
    }

    /** Runs {@code work} here unless another instance holds the job or ran it within {@code minInterval}. */
    public <T> Result<T> runOnce(String job, Duration minInterval, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (!tryLock(c, job)) {
                    c.rollback();
                    return new Result<>(Outcome.LOCKED_ELSEWHERE, null);
                }
                if (ranWithin(c, job, minInterval)) {
                    c.rollback();
                    return new Result<>(Outcome.DONE_RECENTLY, null);
                }
                T value = work.get();
                markDone(c, job);
                c.commit();
                return new Result<>(Outcome.RAN, value);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is going back broken; the pool discards it
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job " + job + ": " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, "hoidap-job:" + job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean ranWithin(Connection c, String job, Duration interval) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM shared_state WHERE namespace = ? AND key = ?
                AND updated_at > now() - make_interval(secs => ?)""")) {
            ps.setString(1, NAMESPACE);
            ps.setString(2, job);
            ps.setDouble(3, interval.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void markDone(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shared_state (namespace, key, value, expires_at, updated_at)
                VALUES (?, ?, '{}', now() + interval '400 days', now())
                ON CONFLICT (namespace, key) DO UPDATE SET updated_at = now(), expires_at = excluded.expires_at""")) {
            ps.setString(1, NAMESPACE);
            ps.setString(2, job);
            ps.executeUpdate();
        }
        LOG.debug("Job {} done on this instance", job);
    }
}

package vn.hoidap.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Elects one instance for a job only one may do (Telegram long polling) with a PostgreSQL session-level
 * advisory lock, held on a connection of its own for as long as this instance leads. Every instance tries
 * every {@code interval}; the lock goes with the session, so a leader that dies (or whose connection
 * breaks) frees it for the others at once.
 * <p>
 * While the database cannot be reached at all, an instance keeps the role it has (a leader goes on
 * polling: chat works without the database); once it can reach it again it re-takes the lock, or steps down
 * if another instance took it meanwhile.
 */
public final class AdvisoryLeader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLeader.class);

    private final String name;
    private final DataSource dataSource;
    private final long key;
    private final Runnable onElected;
    private final Runnable onDeposed;
    private final ScheduledExecutorService scheduler;
    private Connection connection;
    private volatile boolean leader;
    private volatile boolean closed;

    public AdvisoryLeader(String name, DataSource dataSource, long key, Runnable onElected, Runnable onDeposed) {
        this.name = name;
        this.dataSource = dataSource;
        this.key = key;
        this.onElected = onElected;
        this.onDeposed = onDeposed;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemonThreads(name + "-election"));
    }

    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::check, 0, Math.max(50, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    public boolean isLeader() {
        return leader;
    }

    private synchronized void check() {
        if (closed) {
            return;
        }
        try {
            if (connection != null && !connection.isValid(2)) {
                LOG.warn("{}: the election connection was lost; {}", name,
                        leader ? "leading on until the database answers again" : "re-trying");
                closeQuietly();
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                if (leader) {
                    // The old session (and its lock) is gone: take the lock again or give way.
                    if (!tryLock()) {
                        LOG.warn("{}: another instance took over while the database was away; stepping down", name);
                        depose();
                    }
                    return;
                }
            }
            if (!leader && tryLock()) {
                leader = true;
                LOG.info("{}: this instance is elected", name);
                run(onElected);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{}: election check failed: {}", name, e.getMessage());
            closeQuietly();
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void depose() {
        leader = false;
        run(onDeposed);
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("{}: role change failed", name, e);
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection; its session and lock are gone with it
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (leader) {
                depose();
            }
            if (connection != null) {
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                } catch (SQLException e) {
                    LOG.debug("{}: unlock failed (the session ends anyway): {}", name, e.getMessage());
                }
            }
            closeQuietly();
        }
    }

    /** A lock key for {@code name}: the first 8 bytes of its SHA-256 (bot tokens stay out of pg_locks). */
    public static long keyOf(String name) {
        byte[] d = Signatures.sha256(Signatures.utf8(name));
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = k << 8 | (d[i] & 0xff);
        }
        return k;
    }
}

package vn.hoidap.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database answers, checked in the background every few seconds and on demand with a short
 * time-out. Health and error handling read the last verdict: neither a probe nor a request ever waits
 * the pool's connection time-out on a dead database.
 */
@Context
public class DatabaseStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatus.class);
    static final long CHECK_TIMEOUT_MILLIS = 2_000;

    /** The last verdict; {@code version} and {@code error} are for administrators only. */
    public record Verdict(boolean up, String version, String error, Instant at) {
    }

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-status");
        t.setDaemon(true);
        return t;
    });
    private volatile Verdict last;

    DatabaseStatus(DataSource dataSource) {
        // The raw pool, not Micronaut Data's contextual proxy (which wants a surrounding @Connectable).
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The last verdict; the first caller before any background check asks at once. */
    public Verdict last() {
        Verdict v = last;
        return v != null ? v : check();
    }

    public boolean isUp() {
        return last().up();
    }

    @Scheduled(fixedDelay = "${hoidap.database.check-interval:5s}", initialDelay = "1s")
    void scheduledCheck() {
        check();
    }

    /** Checks now, waiting at most {@link #CHECK_TIMEOUT_MILLIS}; a check still running counts as DOWN. */
    public Verdict check() {
        Future<Verdict> f = checker.submit(this::probe);
        Verdict v;
        try {
            v = f.get(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            v = new Verdict(false, null, "no answer within " + CHECK_TIMEOUT_MILLIS + " ms", Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last != null ? last : new Verdict(false, null, "interrupted", Instant.now());
        } catch (Exception e) {
            v = new Verdict(false, null, String.valueOf(e.getCause()), Instant.now());
        }
        Verdict before = last;
        if (before != null && v.up() != before.up()) {
            if (v.up()) {
                LOG.info("Database is reachable again");
            } else {
                LOG.warn("Database is unreachable: {}", v.error());
            }
        }
        last = v;
        return v;
    }

    private Verdict probe() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid((int) (CHECK_TIMEOUT_MILLIS / 1000));
            DatabaseMetaData meta = c.getMetaData();
            String version = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return new Verdict(valid, version, valid ? null : "connection not valid", Instant.now());
        } catch (Exception | AssertionError e) {
            return new Verdict(false, null, e.getClass().getSimpleName() + ": " + DatabaseBootstrap.redact(
                    String.valueOf(e.getMessage())), Instant.now());
        }
    }

    @PreDestroy
    void close() {
        checker.shutdownNow();
    }
}

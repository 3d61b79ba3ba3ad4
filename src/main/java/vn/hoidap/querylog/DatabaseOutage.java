package vn.hoidap.querylog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether the writer believes the database is there. After a failure it is not asked again before the retry
 * interval has passed, so an outage costs one connection time-out per interval, not one per batch; every
 * failure is counted (the metrics' write failures), the change of state is logged once each way.
 */
final class DatabaseOutage {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

    private final long retryMillis;
    private final LongSupplier clock;
    private final String whereEntriesWait;
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean up = true;
    private volatile long retryAt;

    DatabaseOutage(long retryMillis, LongSupplier clock, String whereEntriesWait) {
        this.retryMillis = retryMillis;
        this.clock = clock;
        this.whereEntriesWait = whereEntriesWait;
    }

    /** The database did not take a write (not the rows' fault). */
    void away(Throwable cause) {
        failures.incrementAndGet();
        if (up) {
            LOG.warn("Query log: database unavailable ({}); entries wait in {}", cause.getMessage(), whereEntriesWait);
        }
        up = false;
        retryAt = clock.getAsLong() + retryMillis;
    }

    /** A write went through. */
    void back() {
        if (!up) {
            LOG.info("Query log: database is back; writing again");
        }
        up = true;
    }

    boolean up() {
        return up;
    }

    /** True until the retry interval after the last failure has passed. */
    boolean backingOff() {
        return clock.getAsLong() < retryAt;
    }

    /** Known to be away and not to be asked yet. */
    boolean away() {
        return !up && backingOff();
    }

    long failures() {
        return failures.get();
    }
}

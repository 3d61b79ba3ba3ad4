package vn.hoidap.querylog;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Entries that could be kept nowhere. Losses are never silent and never a log line per entry: the first
 * is reported at once, later ones at most once per interval, as the count since start-up and since the last
 * report ({@link #due()}; the writer logs it with the reason).
 */
final class LossCounter {

    /** What to report: the total since start-up and how many of them are new since the last report. */
    record Report(long total, long sinceLast) {
    }

    private final AtomicLong lost = new AtomicLong();
    private final LongSupplier clock;
    private final long intervalMillis;
    private long reported;
    private long reportedAt;

    LossCounter(LongSupplier clock, long intervalMillis) {
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /** Any thread. */
    void lose(long n) {
        lost.addAndGet(n);
    }

    long count() {
        return lost.get();
    }

    /** The writer thread: a report when one is due, else null. */
    synchronized Report due() {
        long n = lost.get();
        long now = clock.getAsLong();
        if (n > reported && (reported == 0 || now - reportedAt >= intervalMillis)) {
            Report r = new Report(n, n - reported);
            reported = n;
            reportedAt = now;
            return r;
        }
        return null;
    }
}

package vn.hoidap.querylog;

import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Where rows wait on disk while the database is away or the queue is full ({@link SpillFile}), and whether
 * that disk can be written. A full or unwritable directory is reported once and backed off (1 s doubling to
 * 60 s) instead of failing, and logging, every batch; the caller keeps what this refuses.
 */
final class OutageSpill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutageSpill.class);
    static final long MIN_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;

    private final Path dir;
    private final JsonMapper json;
    private final SpillFile file;
    private final LongSupplier clock;
    private final AtomicLong spilled = new AtomicLong();
    private volatile boolean writable = true;
    private volatile String error;
    private volatile boolean mayHaveEntries;
    private long retryAt;
    private long backoff = MIN_BACKOFF_MILLIS;

    OutageSpill(Path dir, JsonMapper json, LongSupplier clock) {
        this.dir = dir;
        this.json = json;
        this.file = new SpillFile(dir, json);
        this.clock = clock;
        this.mayHaveEntries = file.hasPending();
    }

    /**
     * The writer thread: appends and fsyncs the rows; false (nothing written) while the directory is
     * known to be unwritable and backing off, or when this attempt fails.
     */
    boolean append(List<LogRow> rows) {
        if (!writable && clock.getAsLong() < retryAt()) {
            return false;
        }
        try {
            file.append(records(rows));
            file.sync();
        } catch (UncheckedIOException e) {
            failed(e);
            return false;
        }
        if (!writable) {
            LOG.info("Query log: the spill directory {} is writable again", dir.toAbsolutePath());
        }
        synchronized (this) {
            writable = true;
            error = null;
            backoff = MIN_BACKOFF_MILLIS;
        }
        spilled.addAndGet(rows.size());
        mayHaveEntries = true;
        return true;
    }

    /**
     * A request thread, when the queue is full: one append to the open file (the writer fsyncs it at its
     * next step); false when the directory is known to be unwritable or this append fails.
     */
    boolean appendOverflow(LogRow row) {
        if (!writable) {
            return false;
        }
        try {
            file.append(List.of(SpillRecord.of(row)));
        } catch (UncheckedIOException e) {
            failed(e);
            return false;
        }
        spilled.incrementAndGet();
        mayHaveEntries = true;
        return true;
    }

    /** At shutdown: rows and held feedback for the next start, whatever the back-off says. */
    void appendAtShutdown(List<SpillRecord> records) {
        file.append(records);
        file.sync();
    }

    /** Makes appends durable (the writer calls it every step). */
    void sync() {
        file.sync();
    }

    /** The writer may offer rows: writable, or the back-off has passed. */
    boolean mayTake() {
        return writable || clock.getAsLong() >= retryAt();
    }

    /** True when something may wait on disk (in this run or from an earlier one). */
    boolean hasEntries() {
        return mayHaveEntries;
    }

    /** Every spill file, oldest first; the file being written is closed first, so every entry is in one. */
    List<Path> takeFiles() {
        return file.takeFiles();
    }

    List<SpillRecord> read(Path spillFile) throws IOException {
        return SpillFile.read(spillFile, json);
    }

    /** After a replay: whether anything is left (a file that could not be read or deleted). */
    void replayed() {
        mayHaveEntries = file.hasPending();
    }

    boolean writable() {
        return writable;
    }

    String error() {
        return error;
    }

    long spilledCount() {
        return spilled.get();
    }

    Path dir() {
        return dir.toAbsolutePath();
    }

    /** Bytes waiting in spill files. */
    long bytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        file.close();
    }

    private synchronized long retryAt() {
        return retryAt;
    }

    private synchronized void failed(RuntimeException e) {
        String message = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause());
        if (writable) {
            LOG.error("Query log: cannot write the spill directory {} ({}); entries are held in memory and retried",
                    dir.toAbsolutePath(), message);
        }
        writable = false;
        error = message;
        retryAt = clock.getAsLong() + backoff;
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }

    private static List<SpillRecord> records(List<LogRow> rows) {
        List<SpillRecord> records = new ArrayList<>(rows.size());
        for (LogRow r : rows) {
            records.add(SpillRecord.of(r));
        }
        return records;
    }
}

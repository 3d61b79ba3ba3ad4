package vn.hoidap.querylog;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.assistant.QuestionAnswered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs every answered question off the request path. The event listener only offers the event to a
 * bounded queue (a full queue sends the entry straight to the spill file instead, never blocking); one
 * writer thread redacts, batches and inserts. While the database is away batches go to the spill file and
 * are replayed once it answers again; inserts are idempotent, so a replay never stores a row twice.
 * <p>
 * Feedback may arrive before its row is written: it waits here, keyed by answer id, and is applied once
 * the row is in the database ({@link #holdIfWaiting}).
 */
@Context
class QueryLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryLogWriter.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 15_000;
    private static final int MAX_PENDING_FEEDBACK = 10_000;
    private static final long MIN_SPILL_BACKOFF_MILLIS = 1_000;
    private static final long MAX_SPILL_BACKOFF_MILLIS = 60_000;
    private static final long LOSS_REPORT_MILLIS = 60_000;

    private final QueryLogConfig config;
    private final LogRowFactory rows;
    private final QueryLogStore store;
    private final JsonMapper json;
    private final SpillFile spill;
    private final BlockingQueue<QuestionAnswered> queue;
    private final Thread thread;

    /** Answer ids queued, in a batch, or on disk: not yet in the database. */
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();
    /** Guards the hand-over between "waiting" and "pendingFeedback" (see holdIfWaiting / written). */
    private final Object feedbackLock = new Object();
    private final Map<UUID, Feedback> pendingFeedback = new LinkedHashMap<>();
    private final Map<String, UUID> latestBySession;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    /** Rows neither in the database nor on disk (both unavailable), kept in memory up to the queue size. */
    private final java.util.ArrayDeque<LogRow> held = new java.util.ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger heldCount = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private long lostReported;
    private long lostReportedAt;
    private volatile boolean spillWritable = true;
    private volatile String spillError;
    private long spillRetryAt;
    private long spillBackoff = MIN_SPILL_BACKOFF_MILLIS;
    private volatile boolean running = true;
    private volatile boolean databaseUp = true;
    private volatile boolean spillMayHaveEntries;
    private long retryAt;

    QueryLogWriter(QueryLogConfig config, LogRowFactory rows, QueryLogStore store, JsonMapper json) {
        this.config = config;
        this.rows = rows;
        this.store = store;
        this.json = json;
        this.spill = new SpillFile(Path.of(config.spillDir()), json);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        int recent = config.recentSessions();
        this.latestBySession = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
                return size() > recent;
            }
        });
        this.spillMayHaveEntries = spill.hasPending();
        if (spillMayHaveEntries) {
            rememberWaitingFromSpill();
        }
        this.thread = new Thread(this::run, "querylog-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs on the publisher's (request) thread: constant time, never throws, never blocks. */
    @EventListener
    void onAnswered(QuestionAnswered event) {
        // the publish regression gate's own questions (vn.hoidap.upload) are not people's questions
        if (!config.enabled() || !running || "regression".equals(event.question().channel())) {
            return;
        }
        try {
            UUID id = LogRowFactory.id(event.answer().answerId());
            waiting.add(id);
            String session = event.answer().sessionId();
            if (session != null) {
                latestBySession.put(rows.sessionHash(session), id);
            }
            if (!queue.offer(event)) {
                // Queue full: the entry goes to disk now (an append to an open file, fsync'd by the writer).
                if (!spillWritable) {
                    lose(id);
                    return;
                }
                try {
                    spill.append(List.of(SpillRecord.of(rows.row(event))));
                    spilled.incrementAndGet();
                    spillMayHaveEntries = true;
                } catch (java.io.UncheckedIOException e) {
                    spillFailed(e);
                    lose(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Query log: could not take an entry: {}", e.toString());
        }
    }

    /** The newest answer of a session that this instance has seen, written or not. */
    Optional<UUID> latestAnswerOf(String sessionHash) {
        return Optional.ofNullable(latestBySession.get(sessionHash));
    }

    /** Keeps the feedback when its row is not in the database yet; false when the row should be there. */
    boolean holdIfWaiting(Feedback f) {
        synchronized (feedbackLock) {
            if (!waiting.contains(f.answerId())) {
                return false;
            }
            hold(f);
            return true;
        }
    }

    /** Feedback that could not be checked (database away); applied, or dropped if unknown, once it is back. */
    void holdUnverified(Feedback f) {
        synchronized (feedbackLock) {
            hold(f);
        }
    }

    long writtenCount() {
        return written.get();
    }

    /** Questions waiting in the in-memory queue. */
    int queueDepth() {
        return queue.size();
    }

    /** Questions held in memory because neither the database nor the spill directory takes them. */
    int heldCount() {
        return heldCount.get();
    }

    /** Questions that could not be kept anywhere since start-up (each is also in a once-a-minute log line). */
    long lostCount() {
        return lost.get();
    }

    /** Batches the database did not take (outage or refused rows) since start-up. */
    long writeFailureCount() {
        return writeFailures.get();
    }

    boolean spillWritable() {
        return spillWritable;
    }

    String spillError() {
        return spillError;
    }

    Path spillDir() {
        return Path.of(config.spillDir()).toAbsolutePath();
    }

    /** Bytes waiting in spill files. */
    long spillBytes() {
        try (java.util.stream.Stream<Path> files = Files.list(spillDir())) {
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

    long spilledCount() {
        return spilled.get();
    }

    boolean idle() {
        return queue.isEmpty() && waiting.isEmpty() && pendingFeedbackCount() == 0;
    }

    int pendingFeedbackCount() {
        synchronized (feedbackLock) {
            return pendingFeedback.size();
        }
    }

    private void hold(Feedback f) {
        if (pendingFeedback.size() >= MAX_PENDING_FEEDBACK && !pendingFeedback.containsKey(f.answerId())) {
            UUID eldest = pendingFeedback.keySet().iterator().next();
            pendingFeedback.remove(eldest);
            LOG.warn("Query log: too much feedback waiting; dropped the oldest");
        }
        pendingFeedback.put(f.answerId(), f);
    }

    private void run() {
        List<QuestionAnswered> batch = new ArrayList<>(config.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                QuestionAnswered first = queue.poll(config.flushMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, config.batchSize() - 1);
                    writeOrSpill(toRows(batch));
                    batch.clear();
                }
                spill.sync();
                retryHeld();
                reportLosses();
                if (spillMayHaveEntries && System.currentTimeMillis() >= retryAt) {
                    replay();
                }
                if (databaseUp && System.currentTimeMillis() >= retryAt) {
                    applyHeldFeedback();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // Whatever happens, the thread goes on: a dead writer would silently drop the log.
                LOG.error("Query log: writer step failed", e);
                batch.clear();
            }
        }
    }

    private List<LogRow> toRows(List<QuestionAnswered> events) {
        List<LogRow> out = new ArrayList<>(events.size());
        for (QuestionAnswered e : events) {
            try {
                out.add(rows.row(e));
            } catch (RuntimeException ex) {
                LOG.error("Query log: cannot build a row for answer {}: {}", e.answer().answerId(), ex.toString());
                waiting.remove(LogRowFactory.id(e.answer().answerId()));
            }
        }
        return out;
    }

    private void writeOrSpill(List<LogRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // While the database is known to be away, do not wait for a connection time-out per batch.
        if (!databaseUp && System.currentTimeMillis() < retryAt || spillMayHaveEntries) {
            toSpill(batch);
            return;
        }
        try {
            store.write(batch, List.of());
            written(batch);
        } catch (RuntimeException | AssertionError e) {
            if (BadRows.isDataError(e)) {
                writeOneByOne(batch);
                return;
            }
            // AssertionError: the PostgreSQL driver asserts on a connection the server closed (tests run with -ea).
            writeFailures.incrementAndGet();
            databaseAway(e);
            toSpill(batch);
        }
    }

    /**
     * The database refused a row's data (not its availability): write the batch row by row and drop only
     * the rows it refuses, so one bad entry never blocks the log.
     */
    private void writeOneByOne(List<LogRow> batch) {
        for (int i = 0; i < batch.size(); i++) {
            LogRow row = batch.get(i);
            try {
                store.write(List.of(row), List.of());
                written(List.of(row));
            } catch (RuntimeException | AssertionError e) {
                if (BadRows.isDataError(e)) {
                    LOG.error("Query log: the database refused entry {} ({}); it is dropped", row.id(), e.getMessage());
                    written(List.of(row));
                } else {
                    databaseAway(e);
                    toSpill(batch.subList(i, batch.size()));
                    return;
                }
            }
        }
    }

    private void toSpill(List<LogRow> batch) {
        if (!spillWritable && System.currentTimeMillis() < spillRetryAt) {
            hold(batch);
            return;
        }
        List<SpillRecord> records = new ArrayList<>(batch.size());
        for (LogRow r : batch) {
            records.add(SpillRecord.of(r));
        }
        try {
            spill.append(records);
            spill.sync();
        } catch (java.io.UncheckedIOException e) {
            spillFailed(e);
            hold(batch);
            return;
        }
        if (!spillWritable) {
            LOG.info("Query log: the spill directory {} is writable again", spillDir());
        }
        spillWritable = true;
        spillError = null;
        spillBackoff = MIN_SPILL_BACKOFF_MILLIS;
        spilled.addAndGet(batch.size());
        spillMayHaveEntries = true;
    }

    /** A full or unwritable spill directory: back off (1 s doubling to 60 s) instead of failing every batch. */
    private void spillFailed(RuntimeException e) {
        String message = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause());
        synchronized (held) {
            if (spillWritable) {
                LOG.error("Query log: cannot write the spill directory {} ({}); entries are held in memory (up to {}) "
                        + "and retried", spillDir(), message, config.queueCapacity());
            }
            spillWritable = false;
            spillError = message;
            spillRetryAt = System.currentTimeMillis() + spillBackoff;
            spillBackoff = Math.min(MAX_SPILL_BACKOFF_MILLIS, spillBackoff * 2);
        }
    }

    /** Keeps rows in memory while neither the database nor the disk takes them; beyond the bound they are lost, counted. */
    private void hold(List<LogRow> batch) {
        for (LogRow r : batch) {
            if (held.size() < config.queueCapacity()) {
                held.add(r);
            } else {
                lose(r.id());
            }
        }
        heldCount.set(held.size());
    }

    /** Held rows go to the database or the spill file as soon as either answers again. */
    private void retryHeld() {
        if (held.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        boolean databaseMayTake = (databaseUp || now >= retryAt) && !spillMayHaveEntries;
        boolean diskMayTake = spillWritable || now >= spillRetryAt;
        if (!databaseMayTake && !diskMayTake) {
            return;
        }
        List<LogRow> rows = new ArrayList<>(held);
        held.clear();
        heldCount.set(0);
        for (int i = 0; i < rows.size(); i += config.batchSize()) {
            writeOrSpill(rows.subList(i, Math.min(rows.size(), i + config.batchSize())));
        }
    }

    private void lose(UUID id) {
        lost.incrementAndGet();
        waiting.remove(id);
    }

    /** Losses are never silent, and never a log line per entry: one line a minute with the count. */
    private void reportLosses() {
        long n = lost.get();
        long now = System.currentTimeMillis();
        if (n > lostReported && (lostReported == 0 || now - lostReportedAt >= LOSS_REPORT_MILLIS)) {
            LOG.error("Query log: {} entries lost since start-up ({} since the last report): the database is unavailable "
                    + "and the spill directory {} cannot be written ({})", n, n - lostReported, spillDir(), spillError);
            lostReported = n;
            lostReportedAt = now;
        }
    }

    /** Writes every closed spill file, oldest first; a file is deleted only once its rows are committed. */
    private void replay() {
        for (Path file : spill.takeFiles()) {
            List<SpillRecord> records;
            try {
                records = SpillFile.read(file, json);
            } catch (IOException e) {
                LOG.error("Query log: cannot read spill file {}: {}", file, e.getMessage());
                continue;
            }
            List<LogRow> fileRows = new ArrayList<>();
            List<Feedback> fileFeedback = new ArrayList<>();
            for (SpillRecord r : records) {
                if (r.row() != null) {
                    fileRows.add(r.row());
                } else if (r.feedback() != null) {
                    fileFeedback.add(r.feedback());
                }
            }
            try {
                for (int i = 0; i < fileRows.size(); i += config.batchSize()) {
                    List<LogRow> part = fileRows.subList(i, Math.min(fileRows.size(), i + config.batchSize()));
                    try {
                        store.write(part, List.of());
                    } catch (RuntimeException | AssertionError e) {
                        if (!BadRows.isDataError(e)) {
                            throw e;
                        }
                        replayOneByOne(part);
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                databaseAway(e);
                return;
            }
            synchronized (feedbackLock) {
                for (Feedback f : fileFeedback) {
                    pendingFeedback.putIfAbsent(f.answerId(), f);
                }
            }
            written(fileRows);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Query log: replayed {} but cannot delete it (a later replay stores nothing twice): {}",
                        file, e.getMessage());
            }
            LOG.info("Query log: replayed {} entries from {}", fileRows.size(), file.getFileName());
        }
        spillMayHaveEntries = spill.hasPending();
        if (!databaseUp) {
            LOG.info("Query log: database is back; writing again");
        }
        databaseUp = true;
    }

    /** A spilled batch with a row the database refuses: the others are stored, that one is dropped. */
    private void replayOneByOne(List<LogRow> rows) {
        for (LogRow row : rows) {
            try {
                store.write(List.of(row), List.of());
            } catch (RuntimeException | AssertionError e) {
                if (!BadRows.isDataError(e)) {
                    throw e;
                }
                LOG.error("Query log: the database refused spilled entry {} ({}); it is dropped", row.id(), e.getMessage());
            }
        }
    }

    /** Rows are in the database: their held feedback can be applied now. */
    private void written(List<LogRow> batch) {
        synchronized (feedbackLock) {
            for (LogRow r : batch) {
                waiting.remove(r.id());
            }
        }
        written.addAndGet(batch.size());
    }

    private void applyHeldFeedback() {
        List<Feedback> ready = new ArrayList<>();
        synchronized (feedbackLock) {
            for (Feedback f : pendingFeedback.values()) {
                if (!waiting.contains(f.answerId())) {
                    ready.add(f);
                }
            }
        }
        for (Feedback f : ready) {
            try {
                boolean stored = store.feedback(f);
                synchronized (feedbackLock) {
                    // Remove only if no newer verdict arrived meanwhile.
                    pendingFeedback.remove(f.answerId(), f);
                }
                if (!stored) {
                    LOG.info("Query log: dropped feedback for unknown answer {}", f.answerId());
                }
            } catch (RuntimeException | AssertionError e) {
                databaseAway(e);
                return;
            }
        }
    }

    private void databaseAway(Throwable e) {
        if (databaseUp) {
            LOG.warn("Query log: database unavailable ({}); entries wait in {}", e.getMessage(),
                    Path.of(config.spillDir()).toAbsolutePath());
        }
        databaseUp = false;
        retryAt = System.currentTimeMillis() + config.retryMillis();
    }

    /** Rows left on disk by an earlier run are "waiting" too: feedback on them must be held, not refused. */
    private void rememberWaitingFromSpill() {
        for (Path file : spill.takeFiles()) {
            try {
                for (SpillRecord r : SpillFile.read(file, json)) {
                    if (r.row() != null) {
                        waiting.add(r.row().id());
                    }
                }
            } catch (IOException e) {
                LOG.warn("Query log: cannot read {}: {}", file, e.getMessage());
            }
        }
    }

    /** Clean shutdown: the writer drains the queue; whatever it cannot write in time goes to disk. */
    @PreDestroy
    void close() {
        running = false;
        try {
            thread.join(SHUTDOWN_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<QuestionAnswered> left = new ArrayList<>();
        queue.drainTo(left);
        List<SpillRecord> records = new ArrayList<>();
        for (LogRow r : held) {
            records.add(SpillRecord.of(r));
        }
        held.clear();
        for (LogRow r : toRows(left)) {
            records.add(SpillRecord.of(r));
        }
        synchronized (feedbackLock) {
            for (Feedback f : pendingFeedback.values()) {
                records.add(SpillRecord.of(f));
            }
            pendingFeedback.clear();
        }
        if (!records.isEmpty()) {
            try {
                spill.append(records);
                LOG.info("Query log: {} entries kept in the spill file for the next start", records.size());
            } catch (java.io.UncheckedIOException e) {
                LOG.error("Query log: {} entries lost at shutdown: the spill directory {} cannot be written ({})",
                        records.size(), spillDir(), e.getMessage());
                lost.addAndGet(records.size());
            }
        }
        spill.close();
    }
}

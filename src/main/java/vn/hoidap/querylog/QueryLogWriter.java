package vn.hoidap.querylog;

import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.assistant.QuestionAnswered;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs every answered question off the request path, coordinating the parts that each do one job: the
 * event listener only offers the event to the bounded {@link LogQueue} (a full queue sends the entry straight
 * to the {@link OutageSpill} instead, never blocking); one writer thread turns batches into rows and writes
 * them ({@link BatchInsert}). While the database is away ({@link DatabaseOutage}) batches go to the spill file
 * and the {@link SpillReplayer} writes them once it answers again; inserts are idempotent, so a replay never
 * stores a row twice. When neither database nor disk takes rows they are {@link HeldRows held} in memory up to
 * a bound, and what cannot be kept anywhere is counted and reported ({@link LossCounter}). Feedback on an
 * answer that is not written yet waits in {@link LateFeedback}.
 */
@Context
class QueryLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryLogWriter.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 15_000;
    private static final int MAX_PENDING_FEEDBACK = 10_000;
    private static final long LOSS_REPORT_MILLIS = 60_000;

    private final QueryLogConfig config;
    private final LogRowFactory rows;
    private final QueryLogStore store;
    private final LogQueue<QuestionAnswered> queue;
    private final OutageSpill spill;
    private final BatchInsert insert;
    private final SpillReplayer replayer;
    private final DatabaseOutage database;
    private final HeldRows held;
    private final LossCounter lost;
    private final LateFeedback feedback;
    private final RecentAnswers recent;
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    QueryLogWriter(QueryLogConfig config, LogRowFactory rows, QueryLogStore store, JsonMapper json) {
        this.config = config;
        this.rows = rows;
        this.store = store;
        this.queue = new LogQueue<>(config.queueCapacity(), config.batchSize());
        this.spill = new OutageSpill(Path.of(config.spillDir()), json, System::currentTimeMillis);
        this.insert = new BatchInsert(store);
        this.replayer = new SpillReplayer(spill, insert, config.batchSize());
        this.database = new DatabaseOutage(config.retryMillis(), System::currentTimeMillis, spill.dir().toString());
        this.held = new HeldRows(config.queueCapacity());
        this.lost = new LossCounter(System::currentTimeMillis, LOSS_REPORT_MILLIS);
        this.feedback = new LateFeedback(MAX_PENDING_FEEDBACK);
        this.recent = new RecentAnswers(config.recentSessions());
        if (spill.hasEntries()) {
            // Rows left on disk by an earlier run are "waiting" too: feedback on them must be held, not refused.
            replayer.idsOnDisk().forEach(feedback::waiting);
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
            feedback.waiting(id);
            String session = event.answer().sessionId();
            if (session != null) {
                recent.answered(rows.sessionHash(session), id);
            }
            if (!queue.offer(event) && !spill.appendOverflow(rows.row(event))) {
                lose(List.of(id));
            }
        } catch (RuntimeException e) {
            LOG.warn("Query log: could not take an entry: {}", e.toString());
        }
    }

    /** The newest answer of a session that this instance has seen, written or not. */
    Optional<UUID> latestAnswerOf(String sessionHash) {
        return recent.latestOf(sessionHash);
    }

    /** Keeps the feedback when its row is not in the database yet; false when the row should be there. */
    boolean holdIfWaiting(Feedback f) {
        return feedback.holdIfWaiting(f);
    }

    /** Feedback that could not be checked (database away); applied, or dropped if unknown, once it is back. */
    void holdUnverified(Feedback f) {
        feedback.holdUnverified(f);
    }

    long writtenCount() {
        return written.get();
    }

    /** Questions waiting in the in-memory queue. */
    int queueDepth() {
        return queue.depth();
    }

    /** Questions held in memory because neither the database nor the spill directory takes them. */
    int heldCount() {
        return held.size();
    }

    /** Questions that could not be kept anywhere since start-up (each is also in a once-a-minute log line). */
    long lostCount() {
        return lost.count();
    }

    /** Writes the database did not take (it was away) since start-up. */
    long writeFailureCount() {
        return database.failures();
    }

    boolean spillWritable() {
        return spill.writable();
    }

    String spillError() {
        return spill.error();
    }

    Path spillDir() {
        return spill.dir();
    }

    /** Bytes waiting in spill files. */
    long spillBytes() {
        return spill.bytes();
    }

    long spilledCount() {
        return spill.spilledCount();
    }

    boolean idle() {
        return queue.isEmpty() && held.isEmpty() && feedback.nothingWaiting();
    }

    int pendingFeedbackCount() {
        return feedback.pendingCount();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // Whatever happens, the thread goes on: a dead writer would silently drop the log.
                LOG.error("Query log: writer step failed", e);
            }
        }
    }

    /** One round: a batch if one came within the flush interval, then whatever waits and may go now. */
    private void step() throws InterruptedException {
        writeOrSpill(toRows(queue.nextBatch(config.flushMillis())));
        spill.sync();
        retryHeld();
        reportLosses();
        if (spill.hasEntries() && !database.backingOff()) {
            replay();
        }
        if (database.up() && !database.backingOff()) {
            applyReadyFeedback();
        }
    }

    private List<LogRow> toRows(List<QuestionAnswered> events) {
        List<LogRow> out = new ArrayList<>(events.size());
        for (QuestionAnswered e : events) {
            try {
                out.add(rows.row(e));
            } catch (RuntimeException ex) {
                LOG.error("Query log: cannot build a row for answer {}: {}", e.answer().answerId(), ex.toString());
                feedback.settled(LogRowFactory.id(e.answer().answerId()));
            }
        }
        return out;
    }

    /** To the database, unless it is known to be away or older rows wait on disk (order: those go first). */
    private void writeOrSpill(List<LogRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (database.away() || spill.hasEntries()) {
            toSpill(batch);
            return;
        }
        BatchInsert.Outcome o = insert.write(batch);
        settled(o.settled());
        if (o.databaseAway()) {
            database.away(o.outage());
            toSpill(o.unwritten());
        } else {
            database.back();
        }
    }

    private void toSpill(List<LogRow> batch) {
        if (!batch.isEmpty() && !spill.append(batch)) {
            lose(ids(held.hold(batch)));
        }
    }

    /** Held rows go to the database or the spill file as soon as either answers again. */
    private void retryHeld() {
        if (held.isEmpty()) {
            return;
        }
        boolean databaseMayTake = !database.away() && !spill.hasEntries();
        if (!databaseMayTake && !spill.mayTake()) {
            return;
        }
        List<LogRow> all = held.takeAll();
        for (int i = 0; i < all.size(); i += config.batchSize()) {
            writeOrSpill(all.subList(i, Math.min(all.size(), i + config.batchSize())));
        }
    }

    private void replay() {
        Throwable failure = replayer.replay((fileRows, fileFeedback) -> {
            fileFeedback.forEach(feedback::fromSpill);
            settled(fileRows);
        });
        if (failure != null) {
            database.away(failure);
        } else {
            database.back();
        }
    }

    private void applyReadyFeedback() {
        for (Feedback f : feedback.ready()) {
            try {
                if (!store.feedback(f)) {
                    LOG.info("Query log: dropped feedback for unknown answer {}", f.answerId());
                }
                feedback.done(f);
            } catch (RuntimeException | AssertionError e) {
                database.away(e);
                return;
            }
        }
    }

    /** Rows are in the database (or refused by it): their held feedback can be applied now. */
    private void settled(List<LogRow> batch) {
        if (!batch.isEmpty()) {
            feedback.settled(ids(batch));
            written.addAndGet(batch.size());
        }
    }

    private void lose(List<UUID> ids) {
        if (!ids.isEmpty()) {
            lost.lose(ids.size());
            feedback.settled(ids);
        }
    }

    /** Losses are never silent, and never a log line per entry: one line a minute with the count. */
    private void reportLosses() {
        LossCounter.Report r = lost.due();
        if (r != null) {
            LOG.error("Query log: {} entries lost since start-up ({} since the last report): the database is unavailable "
                    + "and the spill directory {} cannot be written ({})", r.total(), r.sinceLast(), spill.dir(), spill.error());
        }
    }

    private static List<UUID> ids(List<LogRow> batch) {
        List<UUID> ids = new ArrayList<>(batch.size());
        for (LogRow r : batch) {
            ids.add(r.id());
        }
        return ids;
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
        List<SpillRecord> records = new ArrayList<>();
        for (LogRow r : held.takeAll()) {
            records.add(SpillRecord.of(r));
        }
        for (LogRow r : toRows(queue.drain())) {
            records.add(SpillRecord.of(r));
        }
        for (Feedback f : feedback.drain()) {
            records.add(SpillRecord.of(f));
        }
        if (!records.isEmpty()) {
            try {
                spill.appendAtShutdown(records);
                LOG.info("Query log: {} entries kept in the spill file for the next start", records.size());
            } catch (UncheckedIOException e) {
                LOG.error("Query log: {} entries lost at shutdown: the spill directory {} cannot be written ({})",
                        records.size(), spill.dir(), e.getMessage());
                lost.lose(records.size());
            }
        }
        spill.close();
    }
}

package vn.hoidap.querylog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feedback that arrives before its row is in the database. It knows which answers are not written yet
 * (queued, in a batch, held or on disk), keeps a verdict on one of them until the row is written, and
 * then offers it for storing ({@link #ready()}). One lock guards the hand-over, so a verdict is never
 * refused as "unknown" in the instant between its row being queued and being written.
 */
final class LateFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(LateFeedback.class);

    private final int maxPending;
    private final Set<UUID> waiting = new HashSet<>();
    /** Newest verdict per answer, oldest answer first (the first to drop when too many wait). */
    private final Map<UUID, Feedback> pending = new LinkedHashMap<>();

    LateFeedback(int maxPending) {
        this.maxPending = maxPending;
    }

    /** The answer's row is on its way to the database. */
    synchronized void waiting(UUID answerId) {
        waiting.add(answerId);
    }

    /** The rows are in the database (or were refused by it, or lost): their verdicts may be stored now. */
    synchronized void settled(Collection<UUID> answerIds) {
        waiting.removeAll(answerIds);
    }

    synchronized void settled(UUID answerId) {
        waiting.remove(answerId);
    }

    /** Keeps the verdict when its row is not in the database yet; false when the row should be there. */
    synchronized boolean holdIfWaiting(Feedback f) {
        if (!waiting.contains(f.answerId())) {
            return false;
        }
        hold(f);
        return true;
    }

    /** A verdict that could not be checked (database away): stored, or dropped as unknown, once it is back. */
    synchronized void holdUnverified(Feedback f) {
        hold(f);
    }

    /** A verdict found in the spill file: a newer one given in this run wins. */
    synchronized void fromSpill(Feedback f) {
        pending.putIfAbsent(f.answerId(), f);
    }

    /** The verdicts whose rows are written. */
    synchronized List<Feedback> ready() {
        List<Feedback> out = new ArrayList<>();
        for (Feedback f : pending.values()) {
            if (!waiting.contains(f.answerId())) {
                out.add(f);
            }
        }
        return out;
    }

    /** The verdict is stored (or its answer is unknown): forgotten, unless a newer verdict arrived meanwhile. */
    synchronized void done(Feedback f) {
        pending.remove(f.answerId(), f);
    }

    /** Every verdict still held (at shutdown, for the spill file); nothing is held afterwards. */
    synchronized List<Feedback> drain() {
        List<Feedback> all = new ArrayList<>(pending.values());
        pending.clear();
        return all;
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized boolean nothingWaiting() {
        return waiting.isEmpty() && pending.isEmpty();
    }

    private void hold(Feedback f) {
        if (pending.size() >= maxPending && !pending.containsKey(f.answerId())) {
            Iterator<UUID> eldest = pending.keySet().iterator();
            eldest.next();
            eldest.remove();
            LOG.warn("Query log: too much feedback waiting; dropped the oldest");
        }
        // A newer verdict on the same answer replaces the older one and moves to the end.
        pending.remove(f.answerId());
        pending.put(f.answerId(), f);
    }
}

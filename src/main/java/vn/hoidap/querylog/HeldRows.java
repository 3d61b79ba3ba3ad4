package vn.hoidap.querylog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that neither the database nor the spill directory takes right now (database away and disk full),
 * kept in memory up to a bound, oldest first, until either answers again. What does not fit is handed back
 * to the caller, which counts it as lost: the bound keeps a long double outage from exhausting the heap.
 */
final class HeldRows {

    private final int capacity;
    private final ArrayDeque<LogRow> rows = new ArrayDeque<>();

    HeldRows(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps what fits; returns the rows that did not (empty when all fitted). */
    synchronized List<LogRow> hold(List<LogRow> batch) {
        List<LogRow> overflow = new ArrayList<>(0);
        for (LogRow r : batch) {
            if (rows.size() < capacity) {
                rows.add(r);
            } else {
                overflow.add(r);
            }
        }
        return overflow;
    }

    /** Every held row, oldest first; the holder is empty afterwards. */
    synchronized List<LogRow> takeAll() {
        List<LogRow> all = new ArrayList<>(rows);
        rows.clear();
        return all;
    }

    synchronized int size() {
        return rows.size();
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }
}

package vn.hoidap.querylog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch so that one bad row never blocks the log: the whole batch in one statement; when the
 * database refuses a row's data (not its availability, see {@link BadRows}) the batch row by row, dropping
 * only what it refuses (logged). When the database is away the rows not yet written come back to the caller.
 */
final class BatchInsert {

    private static final Logger LOG = LoggerFactory.getLogger(BatchInsert.class);

    /**
     * {@code settled}: stored, or refused by the database and dropped; {@code unwritten}: what the caller
     * must keep because the database went away ({@code outage}, else null).
     */
    record Outcome(List<LogRow> settled, List<LogRow> unwritten, Throwable outage) {

        boolean databaseAway() {
            return outage != null;
        }
    }

    private final RowSink sink;

    BatchInsert(RowSink sink) {
        this.sink = sink;
    }

    Outcome write(List<LogRow> batch) {
        if (batch.isEmpty()) {
            return new Outcome(List.of(), List.of(), null);
        }
        try {
            sink.write(batch);
            return new Outcome(batch, List.of(), null);
        } catch (RuntimeException | AssertionError e) {
            // AssertionError: the PostgreSQL driver asserts on a connection the server closed (tests run with -ea).
            if (!BadRows.isDataError(e)) {
                return new Outcome(List.of(), batch, e);
            }
        }
        List<LogRow> settled = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            LogRow row = batch.get(i);
            try {
                sink.write(List.of(row));
            } catch (RuntimeException | AssertionError e) {
                if (!BadRows.isDataError(e)) {
                    return new Outcome(settled, List.copyOf(batch.subList(i, batch.size())), e);
                }
                LOG.error("Query log: the database refused entry {} ({}); it is dropped", row.id(), e.getMessage());
            }
            settled.add(row);
        }
        return new Outcome(settled, List.of(), null);
    }
}

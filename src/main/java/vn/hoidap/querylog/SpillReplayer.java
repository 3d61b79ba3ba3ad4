package vn.hoidap.querylog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes what waits on disk once the database answers again: every spill file, oldest first, in batches;
 * a file is deleted only after all its rows are committed, so a crash or a new outage mid-replay means the
 * file is replayed again, which stores nothing twice (the inserts are idempotent).
 */
final class SpillReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(SpillReplayer.class);

    /** Told about each file whose rows are committed, before the file is deleted. */
    interface Listener {
        void replayed(List<LogRow> rows, List<Feedback> feedback);
    }

    private final OutageSpill spill;
    private final BatchInsert insert;
    private final int batchSize;

    SpillReplayer(OutageSpill spill, BatchInsert insert, int batchSize) {
        this.spill = spill;
        this.insert = insert;
        this.batchSize = batchSize;
    }

    /** Replays every file; returns null when done, or the failure when the database went away (files stay). */
    Throwable replay(Listener listener) {
        for (Path file : spill.takeFiles()) {
            List<SpillRecord> records;
            try {
                records = spill.read(file);
            } catch (IOException e) {
                LOG.error("Query log: cannot read spill file {}: {}", file, e.getMessage());
                continue;
            }
            List<LogRow> rows = new ArrayList<>();
            List<Feedback> feedback = new ArrayList<>();
            for (SpillRecord r : records) {
                if (r.row() != null) {
                    rows.add(r.row());
                } else if (r.feedback() != null) {
                    feedback.add(r.feedback());
                }
            }
            for (int i = 0; i < rows.size(); i += batchSize) {
                BatchInsert.Outcome o = insert.write(rows.subList(i, Math.min(rows.size(), i + batchSize)));
                if (o.databaseAway()) {
                    return o.outage();
                }
            }
            listener.replayed(rows, feedback);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Query log: replayed {} but cannot delete it (a later replay stores nothing twice): {}",
                        file, e.getMessage());
            }
            LOG.info("Query log: replayed {} entries from {}", rows.size(), file.getFileName());
        }
        spill.replayed();
        return null;
    }

    /** The answers whose rows wait on disk (left by an earlier run): feedback on them is held, not refused. */
    List<UUID> idsOnDisk() {
        List<UUID> ids = new ArrayList<>();
        for (Path file : spill.takeFiles()) {
            try {
                for (SpillRecord r : spill.read(file)) {
                    if (r.row() != null) {
                        ids.add(r.row().id());
                    }
                }
            } catch (IOException e) {
                LOG.warn("Query log: cannot read {}: {}", file, e.getMessage());
            }
        }
        return ids;
    }
}

package vn.hoidap.querylog;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the writer's batches go: the month partitions the rows need are created first (a row of a month
 * without its partition would land in the default partition), then the batch is one idempotent insert
 * ({@link QueryLogRepository#insert}): a batch that is retried, or replayed from the spill file after it
 * was in fact committed, is stored once.
 */
@Singleton
class QueryLogStore implements RowSink {

    private final QueryLogRepository repository;
    private final Partitions partitions;

    QueryLogStore(QueryLogRepository repository, Partitions partitions) {
        this.repository = repository;
        this.partitions = partitions;
    }

    /** Returns how many rows were new. */
    @Override
    public int write(List<LogRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        partitions.ensure(rows);
        return repository.insert(rows);
    }

    /** Stores one verdict; false when no row has this id. */
    boolean feedback(Feedback f) {
        return repository.updateFeedback(f.answerId(), f.helpful(), f.comment(), f.at()) > 0;
    }

    Optional<UUID> latestAnswerOf(String sessionHash) {
        return repository.latestAnswerOf(sessionHash);
    }
}

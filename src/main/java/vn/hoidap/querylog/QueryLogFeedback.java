package vn.hoidap.querylog;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a verdict against its logged question: at once when the row is in the database, later when the
 * row is still queued or on disk. Comments are redacted like questions (people type phone numbers there too).
 */
@Singleton
class QueryLogFeedback implements FeedbackSink {

    private static final Logger LOG = LoggerFactory.getLogger(QueryLogFeedback.class);
    static final int MAX_COMMENT = 1000;

    private final QueryLogWriter writer;
    private final QueryLogStore store;
    private final LogRowFactory rows;

    QueryLogFeedback(QueryLogWriter writer, QueryLogStore store, LogRowFactory rows) {
        this.writer = writer;
        this.store = store;
        this.rows = rows;
    }

    @Override
    public Result record(String answerId, boolean helpful, String comment) {
        UUID id;
        try {
            id = UUID.fromString(answerId.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Result.UNKNOWN_ANSWER;
        }
        Feedback f = new Feedback(id, helpful, clean(comment), Instant.now());
        if (writer.holdIfWaiting(f)) {
            return Result.STORED;
        }
        try {
            return store.feedback(f) ? Result.STORED : Result.UNKNOWN_ANSWER;
        } catch (RuntimeException | AssertionError e) {
            // The database is away: keep the verdict and check the id when it is back, rather than lose it.
            LOG.warn("Query log: feedback held while the database is unavailable: {}", e.getMessage());
            writer.holdUnverified(f);
            return Result.STORED;
        }
    }

    /** The answer a session got last: from this instance's memory, or else from the log. */
    Optional<UUID> latestAnswerOfSession(String sessionId) {
        String hash = rows.sessionHash(sessionId);
        if (hash == null) {
            return Optional.empty();
        }
        Optional<UUID> recent = writer.latestAnswerOf(hash);
        return recent.isPresent() ? recent : store.latestAnswerOf(hash);
    }

    private static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String c = comment.strip();
        if (c.codePointCount(0, c.length()) > MAX_COMMENT) {
            c = c.substring(0, c.offsetByCodePoints(0, MAX_COMMENT));
        }
        return Redactor.redact(c);
    }
}

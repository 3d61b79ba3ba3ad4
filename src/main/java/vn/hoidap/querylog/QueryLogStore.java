package vn.hoidap.querylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The query_log table through Micronaut Data's {@link JdbcOperations}. Inserts are idempotent
 * (ON CONFLICT (id) DO NOTHING): a batch that is retried, or replayed from the spill file after it was in
 * fact committed, is stored once.
 */
@Singleton
class QueryLogStore {

    private static final String INSERT = """
            INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme,
                                   province, agency, fallback, confidence, top_source, latency_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";
    private static final String FEEDBACK = """
            UPDATE query_log SET feedback = ?, feedback_comment = ?, feedback_at = ? WHERE id = ?""";

    private final JdbcOperations jdbc;

    QueryLogStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes rows and then feedback for them, in one transaction; returns how many rows were new. */
    int write(List<LogRow> rows, Collection<Feedback> feedback) {
        return jdbc.execute(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int inserted = insert(c, rows);
                applyFeedback(c, feedback);
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        });
    }

    /** Stores one verdict; false when no row has this id. */
    boolean feedback(Feedback f) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(FEEDBACK)) {
                bindFeedback(ps, f);
                return ps.executeUpdate() == 1;
            }
        });
    }

    Optional<UUID> latestAnswerOf(String sessionHash) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM query_log WHERE session_hash = ? ORDER BY asked_at DESC LIMIT 1")) {
                ps.setString(1, sessionHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            }
        });
    }

    private static int insert(Connection c, List<LogRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (LogRow r : rows) {
                ps.setObject(1, r.id());
                ps.setTimestamp(2, Timestamp.from(r.askedAt()));
                ps.setString(3, r.channel());
                ps.setString(4, r.sessionHash());
                ps.setString(5, r.question());
                ps.setString(6, r.questionKey());
                ps.setString(7, r.intent());
                ps.setString(8, r.topic());
                ps.setString(9, r.theme());
                ps.setString(10, r.province());
                ps.setString(11, r.agency());
                ps.setBoolean(12, r.fallback());
                if (r.confidence() == null) {
                    ps.setNull(13, Types.REAL);
                } else {
                    ps.setFloat(13, r.confidence().floatValue());
                }
                ps.setString(14, r.topSource());
                if (r.latencyMs() == null) {
                    ps.setNull(15, Types.INTEGER);
                } else {
                    ps.setInt(15, r.latencyMs());
                }
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                inserted += Math.max(n, 0);
            }
        }
        return inserted;
    }

    private static void applyFeedback(Connection c, Collection<Feedback> feedback) throws SQLException {
        if (feedback.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(FEEDBACK)) {
            for (Feedback f : feedback) {
                bindFeedback(ps, f);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bindFeedback(PreparedStatement ps, Feedback f) throws SQLException {
        ps.setBoolean(1, f.helpful());
        ps.setString(2, f.comment());
        ps.setTimestamp(3, Timestamp.from(f.at()));
        ps.setObject(4, f.answerId());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // same
        }
    }
}

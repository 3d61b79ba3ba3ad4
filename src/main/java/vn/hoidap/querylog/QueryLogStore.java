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
 * (ON CONFLICT DO NOTHING on the key (id, asked_at)): a batch that is retried, or replayed from the spill file after it was in
 * fact committed, is stored once.
 */
@Singleton
class QueryLogStore {

    /**
     * One statement per batch (arrays unnested), so the roll-up triggers run once per batch, not per row.
     * No conflict target: the key is (id, asked_at) on the partitioned table.
     */
    private static final String INSERT = """
            INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme,
                                   province, agency, fallback, confidence, top_source, latency_ms)
            SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::real[], ?::text[], ?::int[])
            ON CONFLICT DO NOTHING""";
    private static final String FEEDBACK = """
            UPDATE query_log SET feedback = ?, feedback_comment = ?, feedback_at = ? WHERE id = ?""";

    private final JdbcOperations jdbc;
    private final Partitions partitions;

    QueryLogStore(JdbcOperations jdbc, Partitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /** Writes rows and then feedback for them, in one transaction; returns how many rows were new. */
    int write(List<LogRow> rows, Collection<Feedback> feedback) {
        return jdbc.execute(c -> {
            partitions.ensure(c, rows);
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

    private int insert(Connection c, List<LogRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        Object[] id = new Object[n], at = new Object[n], channel = new Object[n], session = new Object[n],
                question = new Object[n], key = new Object[n], intent = new Object[n], topic = new Object[n],
                theme = new Object[n], province = new Object[n], agency = new Object[n], fallback = new Object[n],
                confidence = new Object[n], source = new Object[n], latency = new Object[n];
        for (int i = 0; i < n; i++) {
            LogRow r = rows.get(i);
            id[i] = r.id();
            at[i] = Timestamp.from(r.askedAt());
            channel[i] = r.channel();
            session[i] = r.sessionHash();
            question[i] = r.question();
            key[i] = r.questionKey();
            intent[i] = r.intent();
            topic[i] = r.topic();
            theme[i] = r.theme();
            province[i] = r.province();
            agency[i] = r.agency();
            fallback[i] = r.fallback();
            confidence[i] = r.confidence() == null ? null : r.confidence().floatValue();
            source[i] = r.topSource();
            latency[i] = r.latencyMs();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("uuid", id));
            ps.setArray(2, c.createArrayOf("timestamptz", at));
            Object[][] texts = {channel, session, question, key, intent, topic, theme, province, agency};
            for (int i = 0; i < texts.length; i++) {
                ps.setArray(3 + i, c.createArrayOf("text", texts[i]));
            }
            ps.setArray(12, c.createArrayOf("bool", fallback));
            ps.setArray(13, c.createArrayOf("float4", confidence));
            ps.setArray(14, c.createArrayOf("text", source));
            ps.setArray(15, c.createArrayOf("int4", latency));
            return ps.executeUpdate();
        }
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

package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code query_log} through Micronaut Data JDBC. Micronaut Data reads {@code :name} as a parameter, so the
 * casts are written {@code CAST(… AS …)}, never {@code ::}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface QueryLogRepository extends GenericRepository<LogRow, UUID> {

    /**
     * Writes a batch in ONE statement (the columns as arrays, unnested), so the statement-level roll-up
     * triggers run once per batch with every new row in their transition table. ON CONFLICT DO NOTHING
     * without a target (a partitioned table has no unique index on id alone; the key is (id, asked_at)): a
     * replayed row is skipped, and skipped rows are not in the transition table, so nothing is counted twice.
     * Returns how many rows were new.
     * <p>
     * The parameters of {@link #insertColumns} are named unlike the entity's properties on purpose: a parameter
     * named like a property is bound with the property's type (an {@code Instant}, not an array).
     */
    default int insert(List<LogRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        LogColumns c = LogColumns.of(rows);
        return insertColumns(c.ids(), c.askedAt(), c.channel(), c.sessionHash(), c.question(), c.questionKey(),
                c.intent(), c.topic(), c.theme(), c.province(), c.agency(), c.fallback(), c.confidence(),
                c.topSource(), c.latencyMs());
    }

    @Query("""
            INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme,
                                   province, agency, fallback, confidence, top_source, latency_ms)
            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:times AS timestamptz[]), CAST(:channels AS text[]),
                                 CAST(:sessions AS text[]), CAST(:questions AS text[]), CAST(:keys AS text[]),
                                 CAST(:intents AS text[]), CAST(:topics AS text[]), CAST(:themes AS text[]),
                                 CAST(:provinces AS text[]), CAST(:agencies AS text[]), CAST(:fallbacks AS boolean[]),
                                 CAST(:confidences AS real[]), CAST(:sources AS text[]), CAST(:latencies AS int[]))
            ON CONFLICT DO NOTHING""")
    int insertColumns(@TypeDef(type = DataType.STRING_ARRAY) String[] ids,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] times,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] channels,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] sessions,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] questions,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] keys,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] intents,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] topics,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] provinces,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] agencies,
                      @TypeDef(type = DataType.BOOLEAN_ARRAY) Boolean[] fallbacks,
                      @TypeDef(type = DataType.FLOAT_ARRAY) Float[] confidences,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] sources,
                      @TypeDef(type = DataType.INTEGER_ARRAY) Integer[] latencies);

    /** Stores a verdict; 0 when no row has this id. The update trigger moves the roll-ups' rated/helpful counts. */
    @Query("UPDATE query_log SET feedback = :helpful, feedback_comment = :comment, feedback_at = :at WHERE id = :id")
    int updateFeedback(UUID id, boolean helpful, @Nullable String comment, Instant at);

    /** The newest logged answer of a session (by its salted hash). */
    @Query("SELECT id FROM query_log WHERE session_hash = :sessionHash ORDER BY asked_at DESC LIMIT 1")
    Optional<UUID> latestAnswerOf(String sessionHash);

    Optional<LogRow> findById(UUID id);

    /** Removes the text of at most {@code limit} rows older than {@code days} (the rows and their counts stay). */
    @Query("""
            UPDATE query_log SET question = NULL, question_key = NULL, feedback_comment = NULL
            WHERE id IN (SELECT id FROM query_log
                         WHERE question IS NOT NULL AND asked_at < now() - make_interval(days => :days)
                         LIMIT :limit)""")
    int forgetTextOlderThan(int days, int limit);

    /** The monthly key counts carry folded question text: whole months past the period go. */
    @Query("""
            DELETE FROM query_key_monthly
            WHERE month < CAST(date_trunc('month', (now() - make_interval(days => :days)) AT TIME ZONE 'Asia/Ho_Chi_Minh') AS date)""")
    int deleteKeyMonthsOlderThan(int days);

    /** The daily key counts likewise (days older than the period). */
    @Query("""
            DELETE FROM query_key_daily
            WHERE day < CAST((now() - make_interval(days => :days)) AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)""")
    int deleteKeyDaysOlderThan(int days);
}

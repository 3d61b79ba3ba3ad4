-- query_log becomes a table partitioned by month (Vietnam's calendar months): a year is twelve tables whose
-- indexes stay small, the insights' range scans touch only the months asked for, and retention drops whole
-- months (DROP TABLE, no DELETE, no bloat). The primary key must include the partition key: (id, asked_at).
-- An answer's id and time are fixed when it is logged, so a replayed insert still conflicts and is skipped.
-- Write "ON CONFLICT DO NOTHING" (no target): "ON CONFLICT (id)" needs a unique index on id alone, which a
-- partitioned table cannot have.
ALTER TABLE query_log RENAME TO query_log_before_partitions;
DROP TRIGGER query_log_daily_on_insert ON query_log_before_partitions;
DROP TRIGGER query_log_daily_on_update ON query_log_before_partitions;
DROP TRIGGER query_key_monthly_on_insert ON query_log_before_partitions;
ALTER INDEX query_log_asked_at RENAME TO query_log_before_partitions_asked_at;
ALTER INDEX query_log_session RENAME TO query_log_before_partitions_session;
ALTER INDEX query_log_fallback RENAME TO query_log_before_partitions_fallback;
ALTER INDEX query_log_with_text RENAME TO query_log_before_partitions_with_text;
ALTER INDEX query_log_comments RENAME TO query_log_before_partitions_comments;
ALTER INDEX query_log_key RENAME TO query_log_before_partitions_key;
ALTER TABLE query_log_before_partitions RENAME CONSTRAINT query_log_pkey TO query_log_before_partitions_pkey;

CREATE TABLE query_log (
    id               UUID        NOT NULL,      -- = Answer.answerId, so feedback can refer to it
    asked_at         TIMESTAMPTZ NOT NULL,
    channel          TEXT        NOT NULL,
    session_hash     TEXT,
    question         TEXT,
    question_key     TEXT,
    intent           TEXT,
    topic            TEXT        NOT NULL,
    theme            TEXT,
    province         TEXT,
    agency           TEXT,
    fallback         BOOLEAN     NOT NULL,
    answered         BOOLEAN GENERATED ALWAYS AS (NOT fallback) STORED,
    confidence       REAL,
    top_source       TEXT,
    latency_ms       INTEGER,
    feedback         BOOLEAN,
    feedback_comment TEXT,
    feedback_at      TIMESTAMPTZ,
    PRIMARY KEY (id, asked_at)
) PARTITION BY RANGE (asked_at);

-- Rows for a month without its partition yet (a direct INSERT, a clock far off) land here and are moved
-- into the month's partition when it is created.
CREATE TABLE query_log_default PARTITION OF query_log DEFAULT;

-- Creates the partition of the month containing p_day (idempotent, safe when instances race). Rows of that
-- month waiting in the default partition move into it, inserted into the partition directly so the
-- statement-level roll-up triggers on query_log do not count them twice.
CREATE FUNCTION query_log_ensure_partition(p_day DATE) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    m     DATE := date_trunc('month', p_day)::date;
    part  TEXT := 'query_log_' || to_char(m, 'YYYY_MM');
    lo    TIMESTAMPTZ := m::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
    hi    TIMESTAMPTZ := (m + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
    cols  TEXT;
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN part;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('hoidap:query_log_partitions'));
    IF to_regclass(part) IS NOT NULL THEN
        RETURN part;
    END IF;
    IF EXISTS (SELECT 1 FROM query_log_default WHERE asked_at >= lo AND asked_at < hi) THEN
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'query_log' AND is_generated = 'NEVER';
        CREATE TEMP TABLE query_log_moving ON COMMIT DROP AS
            SELECT * FROM query_log_default WHERE asked_at >= lo AND asked_at < hi;
        DELETE FROM query_log_default WHERE asked_at >= lo AND asked_at < hi;
        EXECUTE format('CREATE TABLE %I PARTITION OF query_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM query_log_moving', part, cols, cols);
        DROP TABLE query_log_moving;
    ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF query_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    END IF;
    RETURN part;
END $$;

-- Months of the rows logged so far, and this month and the next two.
SELECT query_log_ensure_partition(m)
FROM (SELECT DISTINCT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS m FROM query_log_before_partitions
      UNION SELECT ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + make_interval(months => g))::date
      FROM generate_series(0, 2) g) months;

-- Before the triggers exist: these rows are in the roll-ups already.
INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme, province,
                       agency, fallback, confidence, top_source, latency_ms, feedback, feedback_comment, feedback_at)
SELECT id, asked_at, channel, session_hash, question, question_key, intent, topic, theme, province,
       agency, fallback, confidence, top_source, latency_ms, feedback, feedback_comment, feedback_at
FROM query_log_before_partitions;
DROP TABLE query_log_before_partitions;

-- The same indexes as before, now one per partition (created on every partition, present and future).
CREATE INDEX query_log_asked_at ON query_log (asked_at) INCLUDE (channel, province, theme, question_key);
CREATE INDEX query_log_session ON query_log (session_hash, asked_at DESC);
CREATE INDEX query_log_fallback ON query_log (asked_at) INCLUDE (channel, province, theme, question_key) WHERE fallback;
CREATE INDEX query_log_with_text ON query_log (asked_at) WHERE question IS NOT NULL;
CREATE INDEX query_log_comments ON query_log (feedback_at DESC) WHERE feedback_comment IS NOT NULL;
CREATE INDEX query_log_key ON query_log (question_key, asked_at DESC);

CREATE TRIGGER query_log_daily_on_insert AFTER INSERT ON query_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_daily_insert();
CREATE TRIGGER query_log_daily_on_update AFTER UPDATE ON query_log
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_daily_update();
CREATE TRIGGER query_key_monthly_on_insert AFTER INSERT ON query_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_key_monthly_insert();

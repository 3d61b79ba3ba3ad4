-- Monthly counts per question key (and theme), so "top questions" and "unanswered" over a year or two add
-- up a few thousand rows per month instead of reading every log row. Used for whole months without a
-- channel or province filter; partial months at the edges of a range come from query_log itself.
-- question_key is derived from the question text: the retention job deletes months older than the
-- retention period, as it nulls the text in query_log.
CREATE TABLE query_key_monthly (
    month               DATE        NOT NULL,
    theme               TEXT        NOT NULL DEFAULT '',
    question_key        TEXT        NOT NULL,
    questions           INTEGER     NOT NULL DEFAULT 0,
    unanswered          INTEGER     NOT NULL DEFAULT 0,
    last_at             TIMESTAMPTZ NOT NULL,
    last_unanswered_at  TIMESTAMPTZ,
    PRIMARY KEY (month, theme, question_key)
);

CREATE FUNCTION query_key_monthly_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_key_monthly AS m (month, theme, question_key, questions, unanswered, last_at, last_unanswered_at)
    SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(theme, ''), question_key,
           count(*), count(*) FILTER (WHERE fallback), max(asked_at), max(asked_at) FILTER (WHERE fallback)
    FROM new_rows
    WHERE question_key IS NOT NULL AND question_key <> ''
    GROUP BY 1, 2, 3
    ON CONFLICT (month, theme, question_key) DO UPDATE
        SET questions = m.questions + excluded.questions, unanswered = m.unanswered + excluded.unanswered,
            last_at = greatest(m.last_at, excluded.last_at),
            last_unanswered_at = greatest(m.last_unanswered_at, excluded.last_unanswered_at);
    RETURN NULL;
END $$;

CREATE TRIGGER query_key_monthly_on_insert AFTER INSERT ON query_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_key_monthly_insert();

INSERT INTO query_key_monthly (month, theme, question_key, questions, unanswered, last_at, last_unanswered_at)
SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(theme, ''), question_key,
       count(*), count(*) FILTER (WHERE fallback), max(asked_at), max(asked_at) FILTER (WHERE fallback)
FROM query_log WHERE question_key IS NOT NULL AND question_key <> ''
GROUP BY 1, 2, 3;

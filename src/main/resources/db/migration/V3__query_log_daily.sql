-- Daily roll-up of query_log for the insights that only count (volume, topics, feedback rates): a two-year
-- range is ~1,000 times fewer rows than the log itself. Kept by statement-level triggers, so it counts
-- exactly the rows that were inserted (ON CONFLICT DO NOTHING skips are not in the transition table) and
-- every change of a verdict; it never forgets, so the aggregates survive the retention job.
-- Days are Vietnam's calendar days. The log's rows are never deleted; a DELETE would not be rolled up.
CREATE TABLE query_log_daily (
    day        DATE    NOT NULL,
    channel    TEXT    NOT NULL,
    province   TEXT    NOT NULL DEFAULT '',   -- '' = not known
    topic      TEXT    NOT NULL,
    theme      TEXT    NOT NULL DEFAULT '',   -- '' = "khac"
    questions  INTEGER NOT NULL DEFAULT 0,
    unanswered INTEGER NOT NULL DEFAULT 0,
    rated      INTEGER NOT NULL DEFAULT 0,
    helpful    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel, province, topic)
);

CREATE FUNCTION query_log_daily_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_log_daily AS d (day, channel, province, topic, theme, questions, unanswered, rated, helpful)
    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, channel, coalesce(province, ''), topic,
           coalesce(max(theme), ''), count(*), count(*) FILTER (WHERE fallback), count(feedback),
           count(*) FILTER (WHERE feedback)
    FROM new_rows
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, channel, province, topic) DO UPDATE
        SET questions = d.questions + excluded.questions, unanswered = d.unanswered + excluded.unanswered,
            rated = d.rated + excluded.rated, helpful = d.helpful + excluded.helpful;
    RETURN NULL;
END $$;

CREATE FUNCTION query_log_daily_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_log_daily AS d (day, channel, province, topic, theme, rated, helpful)
    SELECT (n.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, n.channel, coalesce(n.province, ''), n.topic,
           coalesce(max(n.theme), ''),
           sum((n.feedback IS NOT NULL)::int - (o.feedback IS NOT NULL)::int),
           sum(coalesce(n.feedback, false)::int - coalesce(o.feedback, false)::int)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.feedback IS DISTINCT FROM o.feedback
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, channel, province, topic) DO UPDATE
        SET rated = d.rated + excluded.rated, helpful = d.helpful + excluded.helpful;
    RETURN NULL;
END $$;

CREATE TRIGGER query_log_daily_on_insert AFTER INSERT ON query_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_daily_insert();
CREATE TRIGGER query_log_daily_on_update AFTER UPDATE ON query_log
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_daily_update();

-- Rows logged before this migration.
INSERT INTO query_log_daily (day, channel, province, topic, theme, questions, unanswered, rated, helpful)
SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, channel, coalesce(province, ''), topic, coalesce(max(theme), ''),
       count(*), count(*) FILTER (WHERE fallback), count(feedback), count(*) FILTER (WHERE feedback)
FROM query_log GROUP BY 1, 2, 3, 4;

-- Recent comments on the feedback report: newest verdicts first without sorting the range.
CREATE INDEX query_log_comments ON query_log (feedback_at DESC) WHERE feedback_comment IS NOT NULL;
-- Top questions: the range scan can be answered from the index alone.
DROP INDEX query_log_asked_at;
CREATE INDEX query_log_asked_at ON query_log (asked_at) INCLUDE (channel, province, theme, question_key);
DROP INDEX query_log_fallback;
CREATE INDEX query_log_fallback ON query_log (asked_at) INCLUDE (channel, province, theme, question_key) WHERE fallback;
-- The latest wording and topic of a top question (one probe per group, not a scan of its rows).
CREATE INDEX query_log_key ON query_log (question_key, asked_at DESC);

-- Roll-ups that keep the console's dashboard independent of the log's size. A year on query_log_daily is up
-- to days × channels × provinces × topics rows (hundreds of thousands once every combination occurs), and the
-- busiest hours were counted from query_log itself (every row of the range). Now:
--  * query_log_monthly: query_log_daily's counts per calendar month, for the whole months of a range (a year
--    is twelve months of rows); the days at the edges of the range still come from query_log_daily;
--  * query_log_day: questions and unanswered per day by channel, province and theme (no topic), for the
--    volume chart, whose buckets are days or weeks (a year is 365 × channels × provinces × themes rows);
--  * query_log_hourly (per day) and query_log_hourly_monthly: questions per hour of the day (Vietnam's time),
--    by channel, province and theme, read the same way (whole months + edge days);
--  * query_key_daily: query_key_monthly per day, for the days at the edges of a range (and ranges shorter
--    than a month), instead of every log row of those days. Derived from the question text: the retention
--    job deletes its old days as it deletes query_key_monthly's old months.
-- Kept by statement-level triggers like query_log_daily (one upsert per inserted batch, replayed rows skipped
-- by ON CONFLICT DO NOTHING are not in the transition table), and never forgotten by retention.

CREATE TABLE query_log_monthly (
    month      DATE    NOT NULL,              -- first day of the month
    channel    TEXT    NOT NULL,
    province   TEXT    NOT NULL DEFAULT '',   -- '' = not known
    topic      TEXT    NOT NULL,
    theme      TEXT    NOT NULL DEFAULT '',   -- '' = "khac"
    questions  INTEGER NOT NULL DEFAULT 0,
    unanswered INTEGER NOT NULL DEFAULT 0,
    rated      INTEGER NOT NULL DEFAULT 0,
    helpful    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, channel, province, topic)
);

CREATE TABLE query_log_day (
    day        DATE    NOT NULL,
    channel    TEXT    NOT NULL,
    province   TEXT    NOT NULL DEFAULT '',
    theme      TEXT    NOT NULL DEFAULT '',
    questions  INTEGER NOT NULL DEFAULT 0,
    unanswered INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel, province, theme)
);

CREATE TABLE query_key_daily (
    day                 DATE        NOT NULL,
    theme               TEXT        NOT NULL DEFAULT '',
    question_key        TEXT        NOT NULL,
    questions           INTEGER     NOT NULL DEFAULT 0,
    unanswered          INTEGER     NOT NULL DEFAULT 0,
    last_at             TIMESTAMPTZ NOT NULL,
    last_unanswered_at  TIMESTAMPTZ,
    PRIMARY KEY (day, theme, question_key)
);

CREATE TABLE query_log_hourly (
    day        DATE     NOT NULL,
    hour       SMALLINT NOT NULL,             -- 0–23, Vietnam's time
    channel    TEXT     NOT NULL,
    province   TEXT     NOT NULL DEFAULT '',
    theme      TEXT     NOT NULL DEFAULT '',
    questions  INTEGER  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, hour, channel, province, theme)
);

CREATE TABLE query_log_hourly_monthly (
    month      DATE     NOT NULL,
    hour       SMALLINT NOT NULL,
    channel    TEXT     NOT NULL,
    province   TEXT     NOT NULL DEFAULT '',
    theme      TEXT     NOT NULL DEFAULT '',
    questions  INTEGER  NOT NULL DEFAULT 0,
    PRIMARY KEY (month, hour, channel, province, theme)
);

CREATE FUNCTION query_log_monthly_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_log_monthly AS m (month, channel, province, topic, theme, questions, unanswered, rated, helpful)
    SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, channel, coalesce(province, ''), topic,
           coalesce(max(theme), ''), count(*), count(*) FILTER (WHERE fallback), count(feedback),
           count(*) FILTER (WHERE feedback)
    FROM new_rows
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, channel, province, topic) DO UPDATE
        SET questions = m.questions + excluded.questions, unanswered = m.unanswered + excluded.unanswered,
            rated = m.rated + excluded.rated, helpful = m.helpful + excluded.helpful;
    INSERT INTO query_log_day AS d (day, channel, province, theme, questions, unanswered)
    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, channel, coalesce(province, ''), coalesce(theme, ''),
           count(*), count(*) FILTER (WHERE fallback)
    FROM new_rows
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, channel, province, theme) DO UPDATE
        SET questions = d.questions + excluded.questions, unanswered = d.unanswered + excluded.unanswered;
    INSERT INTO query_key_daily AS k (day, theme, question_key, questions, unanswered, last_at, last_unanswered_at)
    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(theme, ''), question_key,
           count(*), count(*) FILTER (WHERE fallback), max(asked_at), max(asked_at) FILTER (WHERE fallback)
    FROM new_rows
    WHERE question_key IS NOT NULL AND question_key <> ''
    GROUP BY 1, 2, 3
    ON CONFLICT (day, theme, question_key) DO UPDATE
        SET questions = k.questions + excluded.questions, unanswered = k.unanswered + excluded.unanswered,
            last_at = greatest(k.last_at, excluded.last_at),
            last_unanswered_at = greatest(k.last_unanswered_at, excluded.last_unanswered_at);
    INSERT INTO query_log_hourly AS h (day, hour, channel, province, theme, questions)
    SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh'),
           channel, coalesce(province, ''), coalesce(theme, ''), count(*)
    FROM new_rows
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, hour, channel, province, theme) DO UPDATE SET questions = h.questions + excluded.questions;
    INSERT INTO query_log_hourly_monthly AS h (month, hour, channel, province, theme, questions)
    SELECT date_trunc('month', asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
           extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), channel, coalesce(province, ''),
           coalesce(theme, ''), count(*)
    FROM new_rows
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, hour, channel, province, theme) DO UPDATE SET questions = h.questions + excluded.questions;
    RETURN NULL;
END $$;

-- Verdicts change after the row was logged (late feedback); hours and fallback do not.
CREATE FUNCTION query_log_monthly_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_log_monthly AS m (month, channel, province, topic, theme, rated, helpful)
    SELECT date_trunc('month', n.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, n.channel, coalesce(n.province, ''),
           n.topic, coalesce(max(n.theme), ''),
           sum((n.feedback IS NOT NULL)::int - (o.feedback IS NOT NULL)::int),
           sum(coalesce(n.feedback, false)::int - coalesce(o.feedback, false)::int)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.feedback IS DISTINCT FROM o.feedback
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, channel, province, topic) DO UPDATE
        SET rated = m.rated + excluded.rated, helpful = m.helpful + excluded.helpful;
    RETURN NULL;
END $$;

CREATE TRIGGER query_log_monthly_on_insert AFTER INSERT ON query_log
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_monthly_insert();
CREATE TRIGGER query_log_monthly_on_update AFTER UPDATE ON query_log
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query_log_monthly_update();

-- The rows logged before this migration: the monthly counts from the daily roll-up (which also holds the
-- counts of months whose rows retention already dropped), the hours from the rows still in the log.
INSERT INTO query_log_monthly (month, channel, province, topic, theme, questions, unanswered, rated, helpful)
SELECT date_trunc('month', day)::date, channel, province, topic, max(theme), sum(questions), sum(unanswered),
       sum(rated), sum(helpful)
FROM query_log_daily GROUP BY 1, 2, 3, 4;
INSERT INTO query_log_day (day, channel, province, theme, questions, unanswered)
SELECT day, channel, province, theme, sum(questions), sum(unanswered)
FROM query_log_daily GROUP BY 1, 2, 3, 4;
INSERT INTO query_key_daily (day, theme, question_key, questions, unanswered, last_at, last_unanswered_at)
SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(theme, ''), question_key,
       count(*), count(*) FILTER (WHERE fallback), max(asked_at), max(asked_at) FILTER (WHERE fallback)
FROM query_log WHERE question_key IS NOT NULL AND question_key <> ''
GROUP BY 1, 2, 3;
INSERT INTO query_log_hourly (day, hour, channel, province, theme, questions)
SELECT (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, extract(hour FROM asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh'),
       channel, coalesce(province, ''), coalesce(theme, ''), count(*)
FROM query_log GROUP BY 1, 2, 3, 4, 5;
INSERT INTO query_log_hourly_monthly (month, hour, channel, province, theme, questions)
SELECT date_trunc('month', day)::date, hour, channel, province, theme, sum(questions)
FROM query_log_hourly GROUP BY 1, 2, 3, 4, 5;

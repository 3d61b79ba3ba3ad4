-- Top questions and unanswered questions over a year of 10,000,000 rows without reading every key of it, and
-- without slowing the writer or the start-up. This migration changes the schema only (it runs in well under a
-- second on any log); what depends on the rows already logged is done by a background job
-- (vn.hoidap.insights.InsightsMaintenance, once across instances):
--
--  * question_group: near-duplicate groups. A key is given a group of its own by the insert trigger (one
--    upsert per batch: no search, no lock on the writer's path) and is "settled" later by the job, in the
--    order keys were first asked: it joins the group of the most similar settled key by word-set Jaccard
--    similarity (>= 0.6, as the Java grouping had), else it keeps its own. Groups never merge, so a settled
--    key keeps its group. Until it is settled a key is its own group: every report is exact either way.
--    Candidates are found through a GIN index on the words of settled keys: a key with similarity >= 0.6
--    shares at least ceil(0.6 n) of the new key's n words, so it holds one of any n - ceil(0.6 n) + 1 of
--    them; the new key's rarest words (question_word counts settled keys per word) are the ones probed.
--  * query_key_daily (V32) gains the channel and province dimensions, the group, and the latest wording and
--    topic of the key that day, so a filtered range, the display of a group and the edges of a range never
--    read query_log. It starts empty: query_key_backfill holds the days logged before this migration that the
--    job has not yet rebuilt (newest first, one day per transaction, resumable); reports read those days from
--    query_log meanwhile, and the trigger leaves them to the job.
--  * query_key_segment: the question counts of one closed period (a calendar month, or a day) for one
--    combination of filters, per group (query_group_segment) and per key (query_key_segment_key), built by
--    the job for the combinations reports asked for (query_key_segment_wanted) and dropped when a row of that
--    period arrives late (spill replay), a key of it changes group, or the period passes retention. The read
--    side ranks groups over the range with a threshold algorithm over the segments' sorted lists (see
--    InsightsRepository); exact counts come from primary-key probes, and a day without a segment (today, or a
--    day the job has not reached) is read from query_key_daily itself.

CREATE SEQUENCE question_group_id;

CREATE TABLE question_group (
    question_key TEXT        PRIMARY KEY,
    group_id     BIGINT      NOT NULL,
    words        TEXT[]      NOT NULL,   -- the key's distinct words, sorted
    first_at     TIMESTAMPTZ NOT NULL,   -- when it was first asked: keys are settled in this order
    settled      BOOLEAN     NOT NULL DEFAULT false
);
-- fastupdate off: every key is searched for right after the previous one was settled, and a pending list
-- would be scanned whole by each search.
CREATE INDEX question_group_words ON question_group USING gin (words) WITH (fastupdate = off) WHERE settled;
CREATE INDEX question_group_unsettled ON question_group (first_at, question_key) WHERE NOT settled;

-- How many settled keys contain each word: the settling probes a key's rarest words.
CREATE TABLE question_word (
    word TEXT    PRIMARY KEY,
    keys INTEGER NOT NULL
);

CREATE FUNCTION question_words(p_key TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}') FROM unnest(string_to_array(p_key, ' ')) w WHERE w <> ''
$$;

CREATE FUNCTION question_jaccard(a TEXT[], b TEXT[]) RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN cardinality(a) = 0 AND cardinality(b) = 0 THEN 1
                ELSE c::double precision / (cardinality(a) + cardinality(b) - c) END
    FROM (SELECT count(*) AS c FROM unnest(a) x WHERE x = ANY (b)) common
$$;

-- Settles up to p_limit keys, oldest first; returns how many (0 while another transaction is settling). A key joining another group moves its daily
-- rows to it and drops the segments it is counted in. The word counts are added once at the end: updating a
-- word's row for every key would leave a chain of row versions that each later lookup walks, within one
-- transaction. enable_seqscan off: the plans of this function are cached while question_group may still be
-- small, and a sequential scan planned then would compare every key with every key.
CREATE FUNCTION question_group_settle(p_limit INTEGER) RETURNS INTEGER LANGUAGE plpgsql
    SET enable_seqscan = off AS $$
DECLARE
    k      TEXT;
    own    BIGINT;
    ws     TEXT[];
    n      INTEGER;
    probe  TEXT[];
    best   BIGINT;
    done   INTEGER := 0;
    added  TEXT[] := '{}';
BEGIN
    -- One settler at a time (keys are compared with every key settled before them): another one running
    -- means there is nothing to do here.
    IF NOT pg_try_advisory_xact_lock(hashtext('hoidap:question_group_settle')) THEN
        RETURN 0;
    END IF;
    FOR k, own, ws IN SELECT question_key, group_id, words FROM question_group WHERE NOT settled
                      ORDER BY first_at, question_key LIMIT p_limit LOOP
        n := cardinality(ws);
        best := NULL;
        IF n > 0 THEN
            SELECT array_agg(w) INTO probe FROM (
                SELECT w FROM unnest(ws) w LEFT JOIN question_word q ON q.word = w
                ORDER BY coalesce(q.keys, 0), w LIMIT n - ceil(0.6 * n)::int + 1) rare;
            SELECT f.group_id INTO best FROM question_group f
            WHERE f.settled AND f.words && probe
              AND cardinality(f.words) BETWEEN ceil(0.6 * n) AND floor(n / 0.6)
              AND question_jaccard(f.words, ws) >= 0.6
            ORDER BY question_jaccard(f.words, ws) DESC, f.question_key
            LIMIT 1;
        END IF;
        IF best IS NOT NULL AND best <> own THEN
            UPDATE question_group SET group_id = best, settled = true WHERE question_key = k;
            UPDATE query_key_daily SET group_id = best WHERE question_key = k;
            DELETE FROM query_key_segment WHERE id IN (SELECT segment_id FROM query_key_segment_key WHERE question_key = k);
        ELSE
            UPDATE question_group SET settled = true WHERE question_key = k;
        END IF;
        added := added || k;
        done := done + 1;
    END LOOP;
    INSERT INTO question_word AS q
    SELECT w, count(*) FROM unnest(added) a, unnest(question_words(a)) w GROUP BY w
    ON CONFLICT (word) DO UPDATE SET keys = q.keys + excluded.keys;
    RETURN done;
END $$;

-- query_key_daily with every filter dimension, its group and its latest wording. DROP, not a rebuild: the
-- days already logged are rebuilt by the job (query_key_backfill below).
DROP TABLE query_key_daily;
CREATE TABLE query_key_daily (
    day                 DATE        NOT NULL,
    channel             TEXT        NOT NULL,
    province            TEXT        NOT NULL DEFAULT '',   -- '' = not known
    theme               TEXT        NOT NULL DEFAULT '',   -- '' = "khac"
    question_key        TEXT        NOT NULL,
    group_id            BIGINT      NOT NULL,
    questions           INTEGER     NOT NULL DEFAULT 0,
    unanswered          INTEGER     NOT NULL DEFAULT 0,
    last_at             TIMESTAMPTZ NOT NULL,
    last_unanswered_at  TIMESTAMPTZ,
    question            TEXT,                              -- the latest wording of the key that day
    topic               TEXT,                              -- and its topic
    PRIMARY KEY (day, channel, province, theme, question_key)
);
-- Retention and settling: the days of a key.
CREATE INDEX query_key_daily_key ON query_key_daily (question_key);

-- The days logged before this migration still to be rebuilt into query_key_daily: [first_day, next_day]
-- (Vietnam's calendar), walked down from next_day by query_key_backfill_step; the row goes when it is done.
-- An empty log has nothing to rebuild. min(asked_at) reads the first entry of each partition's index.
CREATE TABLE query_key_backfill (
    one       BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    first_day DATE    NOT NULL,
    next_day  DATE    NOT NULL,
    started   DATE    NOT NULL
);
INSERT INTO query_key_backfill (first_day, next_day, started)
SELECT (min(asked_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
       (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
FROM query_log HAVING min(asked_at) IS NOT NULL;

-- Rebuilds the newest day still to do from query_log (its keys get groups of their own, to be settled) and
-- returns it, NULL when nothing is left. The row lock orders it with the insert trigger, which leaves the
-- days still to do to this function: a row logged late into such a day either commits before this day is
-- read (and is read with it) or waits and is counted by the trigger once the day is done.
CREATE FUNCTION query_key_backfill_step() RETURNS DATE LANGUAGE plpgsql AS $$
DECLARE
    b   query_key_backfill;
    lo  TIMESTAMPTZ;
    hi  TIMESTAMPTZ;
BEGIN
    SELECT * INTO b FROM query_key_backfill FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    lo := b.next_day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
    hi := (b.next_day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
    INSERT INTO question_group AS g (question_key, group_id, words, first_at)
    SELECT question_key, nextval('question_group_id'), question_words(question_key), min(asked_at)
    FROM query_log WHERE asked_at >= lo AND asked_at < hi AND question_key IS NOT NULL AND question_key <> ''
    GROUP BY question_key
    ON CONFLICT (question_key) DO UPDATE SET first_at = least(g.first_at, excluded.first_at);
    INSERT INTO query_key_daily AS k (day, channel, province, theme, question_key, group_id, questions, unanswered,
                                      last_at, last_unanswered_at, question, topic)
    SELECT b.next_day, r.channel, coalesce(r.province, ''), coalesce(r.theme, ''), r.question_key, max(g.group_id),
           count(*), count(*) FILTER (WHERE r.fallback), max(r.asked_at), max(r.asked_at) FILTER (WHERE r.fallback),
           (array_agg(r.question ORDER BY r.asked_at DESC))[1], (array_agg(r.topic ORDER BY r.asked_at DESC))[1]
    FROM query_log r JOIN question_group g ON g.question_key = r.question_key
    WHERE r.asked_at >= lo AND r.asked_at < hi
    GROUP BY 2, 3, 4, 5;
    IF b.next_day <= b.first_day THEN
        DELETE FROM query_key_backfill;
    ELSE
        UPDATE query_key_backfill SET next_day = b.next_day - 1;
    END IF;
    RETURN b.next_day;
END $$;

-- The filter combinations ('' = any) whose segments the job keeps: any filters at all from the start, others
-- once a report asked for them, until no report has asked for them for 30 days (InsightsMaintenance).
CREATE TABLE query_key_segment_wanted (
    f_channel  TEXT        NOT NULL,
    f_province TEXT        NOT NULL,
    f_theme    TEXT        NOT NULL,
    asked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (f_channel, f_province, f_theme)
);
INSERT INTO query_key_segment_wanted (f_channel, f_province, f_theme) VALUES ('', '', '');

-- One closed period (kind 'm': a calendar month, 'd': a day) under one combination of filters ('' = any).
CREATE TABLE query_key_segment (
    id          BIGSERIAL PRIMARY KEY,
    kind        CHAR(1) NOT NULL,
    first_day   DATE    NOT NULL,
    last_day    DATE    NOT NULL,
    f_channel   TEXT    NOT NULL,
    f_province  TEXT    NOT NULL,
    f_theme     TEXT    NOT NULL,
    questions   BIGINT  NOT NULL,
    unanswered  BIGINT  NOT NULL,
    UNIQUE (first_day, kind, f_channel, f_province, f_theme)
);
CREATE INDEX query_key_segment_last_day ON query_key_segment (last_day);

CREATE TABLE query_group_segment (
    segment_id          BIGINT      NOT NULL REFERENCES query_key_segment ON DELETE CASCADE,
    group_id            BIGINT      NOT NULL,
    questions           INTEGER     NOT NULL,
    unanswered          INTEGER     NOT NULL,
    last_unanswered_at  TIMESTAMPTZ,
    PRIMARY KEY (segment_id, group_id)
);
-- Sorted access: most asked first; most recently unanswered first.
CREATE INDEX query_group_segment_questions ON query_group_segment (segment_id, questions DESC, group_id);
CREATE INDEX query_group_segment_recent ON query_group_segment (segment_id, last_unanswered_at DESC, group_id)
    WHERE unanswered > 0;

CREATE TABLE query_key_segment_key (
    segment_id          BIGINT      NOT NULL REFERENCES query_key_segment ON DELETE CASCADE,
    group_id            BIGINT      NOT NULL,
    question_key        TEXT        NOT NULL,
    questions           INTEGER     NOT NULL,
    unanswered          INTEGER     NOT NULL,
    last_at             TIMESTAMPTZ NOT NULL,
    last_unanswered_at  TIMESTAMPTZ,
    question            TEXT,
    topic               TEXT,
    PRIMARY KEY (segment_id, group_id, question_key)
);
-- A key that joins another group (InsightsMaintenance settles new keys) drops the segments it is counted in.
CREATE INDEX query_key_segment_key_key ON query_key_segment_key (question_key);

-- The segment of [p_first, p_last] under the filters (NULL = any), built from query_key_daily if missing.
-- Called by the background job (insights/InsightsMaintenance) only, never by a report.
CREATE FUNCTION query_key_segment_of(p_kind CHAR, p_first DATE, p_last DATE, p_channel TEXT, p_province TEXT,
                                     p_theme TEXT) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    sid BIGINT;
BEGIN
    SELECT id INTO sid FROM query_key_segment
    WHERE first_day = p_first AND kind = p_kind AND f_channel = coalesce(p_channel, '')
      AND f_province = coalesce(p_province, '') AND f_theme = coalesce(p_theme, '');
    IF sid IS NOT NULL THEN
        RETURN sid;
    END IF;
    INSERT INTO query_key_segment (kind, first_day, last_day, f_channel, f_province, f_theme, questions, unanswered)
    VALUES (p_kind, p_first, p_last, coalesce(p_channel, ''), coalesce(p_province, ''), coalesce(p_theme, ''), 0, 0)
    ON CONFLICT DO NOTHING RETURNING id INTO sid;
    IF sid IS NULL THEN -- built meanwhile by another request
        RETURN query_key_segment_of(p_kind, p_first, p_last, p_channel, p_province, p_theme);
    END IF;
    INSERT INTO query_key_segment_key (segment_id, group_id, question_key, questions, unanswered, last_at,
                                       last_unanswered_at, question, topic)
    SELECT sid, group_id, question_key, sum(questions), sum(unanswered), max(last_at), max(last_unanswered_at),
           (array_agg(question ORDER BY last_at DESC))[1], (array_agg(topic ORDER BY last_at DESC))[1]
    FROM query_key_daily
    WHERE day >= p_first AND day <= p_last
      AND (p_channel IS NULL OR channel = p_channel) AND (p_province IS NULL OR province = p_province)
      AND (p_theme IS NULL OR theme = p_theme)
    GROUP BY group_id, question_key;
    INSERT INTO query_group_segment (segment_id, group_id, questions, unanswered, last_unanswered_at)
    SELECT sid, group_id, sum(questions), sum(unanswered), max(last_unanswered_at)
    FROM query_key_segment_key WHERE segment_id = sid GROUP BY group_id;
    UPDATE query_key_segment SET (questions, unanswered) =
        (SELECT coalesce(sum(questions), 0), coalesce(sum(unanswered), 0) FROM query_group_segment WHERE segment_id = sid)
    WHERE id = sid;
    RETURN sid;
END $$;

-- The insert trigger of V32, now with groups and the wider query_key_daily, and dropping the segments of
-- any closed period a late row falls in.
CREATE OR REPLACE FUNCTION query_log_monthly_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pending DATE;
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
    -- New keys get a group of their own (settled later by the job): one upsert, no search, no lock.
    INSERT INTO question_group (question_key, group_id, words, first_at)
    SELECT question_key, nextval('question_group_id'), question_words(question_key), min(asked_at)
    FROM new_rows r WHERE question_key IS NOT NULL AND question_key <> ''
      AND NOT EXISTS (SELECT 1 FROM question_group g WHERE g.question_key = r.question_key)
    GROUP BY question_key
    ON CONFLICT (question_key) DO NOTHING;
    -- Days logged before V60 that the backfill has not reached are its to count (see query_key_backfill_step).
    SELECT next_day INTO pending FROM query_key_backfill;
    IF pending IS NOT NULL
       AND EXISTS (SELECT 1 FROM new_rows WHERE (asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= pending) THEN
        SELECT next_day INTO pending FROM query_key_backfill FOR SHARE;
    END IF;
    INSERT INTO query_key_daily AS k (day, channel, province, theme, question_key, group_id, questions, unanswered,
                                      last_at, last_unanswered_at, question, topic)
    SELECT (r.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.channel, coalesce(r.province, ''),
           coalesce(r.theme, ''), r.question_key, max(g.group_id), count(*), count(*) FILTER (WHERE r.fallback),
           max(r.asked_at), max(r.asked_at) FILTER (WHERE r.fallback),
           (array_agg(r.question ORDER BY r.asked_at DESC))[1], (array_agg(r.topic ORDER BY r.asked_at DESC))[1]
    FROM new_rows r JOIN question_group g ON g.question_key = r.question_key
    WHERE pending IS NULL OR (r.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > pending
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, channel, province, theme, question_key) DO UPDATE
        SET questions = k.questions + excluded.questions, unanswered = k.unanswered + excluded.unanswered,
            question = CASE WHEN excluded.last_at >= k.last_at THEN excluded.question ELSE k.question END,
            topic = CASE WHEN excluded.last_at >= k.last_at THEN excluded.topic ELSE k.topic END,
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
    -- Segments exist only for closed periods: a live row matches none (one probe of a small index).
    DELETE FROM query_key_segment s
    USING (SELECT min((asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS lo,
                  max((asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS hi FROM new_rows) r
    WHERE s.last_day >= r.lo AND s.first_day <= r.hi
      AND EXISTS (SELECT 1 FROM new_rows n
                  WHERE (n.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN s.first_day AND s.last_day);
    RETURN NULL;
END $$;

-- Retention deletes the days of query_key_daily past the period: the segments that cover them go (they are
-- rebuilt from what is left if asked for), and so do the keys that no longer occur (a group lives on in its
-- other keys).
CREATE FUNCTION query_key_daily_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM gone) THEN
        RETURN NULL;
    END IF;
    DELETE FROM query_key_segment WHERE first_day <= (SELECT max(day) FROM gone);
    WITH dropped AS (
        DELETE FROM question_group g
        WHERE g.question_key IN (SELECT DISTINCT question_key FROM gone)
          AND NOT EXISTS (SELECT 1 FROM query_key_daily d WHERE d.question_key = g.question_key)
        RETURNING g.words, g.settled)
    UPDATE question_word q SET keys = q.keys - w.n
    FROM (SELECT w, count(*) AS n FROM dropped, unnest(words) w WHERE settled GROUP BY w) w
    WHERE q.word = w.w;
    DELETE FROM question_word WHERE keys <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER query_key_daily_on_delete AFTER DELETE ON query_key_daily
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION query_key_daily_forget();


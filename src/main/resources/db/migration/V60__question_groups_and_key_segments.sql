-- Top questions and unanswered questions over a year of 10,000,000 rows without reading every key of it.
--
--  * question_group: near-duplicate grouping decided once, when a question key is first logged, instead of
--    greedily in Java over the range's keys on every request. A new key joins the group of the known key
--    most similar to it by word-set Jaccard similarity (>= 0.6, as the Java grouping had), else it starts a
--    group of its own; groups never merge, so a key keeps its group. Candidates are found through a GIN
--    index on the words: a key with similarity >= 0.6 shares at least ceil(0.6 n) of the new key's n words,
--    so it holds one of any n - ceil(0.6 n) + 1 of them; the new key's rarest words (question_word counts
--    keys per word) are the ones probed, which keeps the candidates few.
--  * query_key_daily (V32) gains the channel and province dimensions, the group, and the latest wording and
--    topic of the key that day, so a filtered range, the display of a group and the edges of a range never
--    read query_log.
--  * query_key_segment: the question counts of one closed period (a calendar month, or a day) for one
--    combination of filters, per group (query_group_segment) and per key (query_key_segment_key), built from
--    query_key_daily when a report first needs it and dropped when a row of that period arrives late
--    (spill replay) or the period passes retention. The read side ranks groups over the range with a
--    threshold algorithm over the segments' sorted lists (see InsightsRepository); exact counts come from
--    primary-key probes, and the open period (today) is read from query_key_daily itself.

CREATE SEQUENCE question_group_id;

CREATE TABLE question_group (
    question_key TEXT   PRIMARY KEY,
    group_id     BIGINT NOT NULL,
    words        TEXT[] NOT NULL   -- the key's distinct words, sorted
);
-- fastupdate off: every new key is searched for right after the previous one was inserted, and a pending
-- list would be scanned whole by each search.
CREATE INDEX question_group_words ON question_group USING gin (words) WITH (fastupdate = off);

-- How many keys contain each word: the assignment probes a key's rarest words.
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

-- Assigns a group to every key of p_keys that has none, in the order given (the caller passes them in the
-- order they were first asked). The word counts are added once at the end (p_count): updating a word's row
-- for every key would leave a chain of row versions that each later lookup walks, within one transaction.
-- enable_seqscan off: the plans of this function are cached while question_group may still be small (a fresh
-- database, the backfill below), and a sequential scan planned then would compare every key with every key.
CREATE FUNCTION question_group_assign(p_keys TEXT[], p_count BOOLEAN DEFAULT true) RETURNS VOID LANGUAGE plpgsql
    SET enable_seqscan = off AS $$
DECLARE
    k      TEXT;
    ws     TEXT[];
    n      INTEGER;
    probe  TEXT[];
    best   BIGINT;
    added  TEXT[] := '{}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM unnest(p_keys) u WHERE NOT EXISTS (SELECT 1 FROM question_group g WHERE g.question_key = u)) THEN
        RETURN;
    END IF;
    -- Writers of several instances assign one after the other: a key is compared with every key before it.
    PERFORM pg_advisory_xact_lock(hashtext('hoidap:question_group'));
    FOREACH k IN ARRAY p_keys LOOP
        CONTINUE WHEN k IS NULL OR k = '' OR EXISTS (SELECT 1 FROM question_group WHERE question_key = k);
        ws := question_words(k);
        n := cardinality(ws);
        SELECT array_agg(w) INTO probe FROM (
            SELECT w FROM unnest(ws) w LEFT JOIN question_word q ON q.word = w
            ORDER BY coalesce(q.keys, 0), w LIMIT n - ceil(0.6 * n)::int + 1) rare;
        SELECT f.group_id INTO best FROM question_group f
        WHERE f.words && probe
          AND cardinality(f.words) BETWEEN ceil(0.6 * n) AND floor(n / 0.6)
          AND question_jaccard(f.words, ws) >= 0.6
        ORDER BY question_jaccard(f.words, ws) DESC, f.question_key
        LIMIT 1;
        INSERT INTO question_group VALUES (k, coalesce(best, nextval('question_group_id')), ws);
        added := added || k;
    END LOOP;
    IF p_count THEN
        INSERT INTO question_word AS q
        SELECT w, count(*) FROM unnest(added) a, unnest(question_words(a)) w GROUP BY w
        ON CONFLICT (word) DO UPDATE SET keys = q.keys + excluded.keys;
    END IF;
END $$;

-- query_key_daily with every filter dimension, its group and its latest wording; rebuilt from the log below.
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
-- Retention: which keys still occur.
CREATE INDEX query_key_daily_key ON query_key_daily (question_key);

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

-- The segment of [p_first, p_last] under the filters (NULL = any), built from query_key_daily if missing.
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

-- The segments covering [p_from, p_to] under the filters: the whole calendar months inside it as months, the
-- other days as days.
CREATE FUNCTION query_key_segments(p_from DATE, p_to DATE, p_channel TEXT, p_province TEXT, p_theme TEXT)
    RETURNS SETOF BIGINT LANGUAGE plpgsql AS $$
DECLARE
    d DATE := p_from;
    m_end DATE;
BEGIN
    WHILE d <= p_to LOOP
        m_end := (date_trunc('month', d) + interval '1 month - 1 day')::date;
        IF extract(day FROM d) = 1 AND m_end <= p_to THEN
            RETURN NEXT query_key_segment_of('m', d, m_end, p_channel, p_province, p_theme);
            d := m_end + 1;
        ELSE
            RETURN NEXT query_key_segment_of('d', d, d, p_channel, p_province, p_theme);
            d := d + 1;
        END IF;
    END LOOP;
END $$;

-- The insert trigger of V32, now with groups and the wider query_key_daily, and dropping the segments of
-- any closed period a late row falls in.
CREATE OR REPLACE FUNCTION query_log_monthly_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM question_group_assign(ARRAY(
        SELECT question_key FROM new_rows WHERE question_key IS NOT NULL AND question_key <> ''
        GROUP BY question_key ORDER BY min(asked_at), question_key));
    INSERT INTO query_key_daily AS k (day, channel, province, theme, question_key, group_id, questions, unanswered,
                                      last_at, last_unanswered_at, question, topic)
    SELECT (r.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.channel, coalesce(r.province, ''),
           coalesce(r.theme, ''), r.question_key, max(g.group_id), count(*), count(*) FILTER (WHERE r.fallback),
           max(r.asked_at), max(r.asked_at) FILTER (WHERE r.fallback),
           (array_agg(r.question ORDER BY r.asked_at DESC))[1], (array_agg(r.topic ORDER BY r.asked_at DESC))[1]
    FROM new_rows r JOIN question_group g ON g.question_key = r.question_key
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
        RETURNING g.words)
    UPDATE question_word q SET keys = q.keys - w.n
    FROM (SELECT w, count(*) AS n FROM dropped, unnest(words) w GROUP BY w) w
    WHERE q.word = w.w;
    DELETE FROM question_word WHERE keys <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER query_key_daily_on_delete AFTER DELETE ON query_key_daily
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION query_key_daily_forget();

-- The keys logged so far, grouped in the order they were first asked (their word counts first, so the
-- assignment probes rare words from the start), and their daily counts.
INSERT INTO question_word
SELECT w, count(*) FROM (SELECT DISTINCT question_key FROM query_log WHERE question_key <> '') k,
       unnest(question_words(k.question_key)) w
GROUP BY w;
SELECT question_group_assign(ARRAY(
    SELECT question_key FROM query_log WHERE question_key IS NOT NULL AND question_key <> ''
    GROUP BY question_key ORDER BY min(asked_at), question_key), false);
INSERT INTO query_key_daily (day, channel, province, theme, question_key, group_id, questions, unanswered, last_at,
                             last_unanswered_at, question, topic)
SELECT (r.asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.channel, coalesce(r.province, ''), coalesce(r.theme, ''),
       r.question_key, max(g.group_id), count(*), count(*) FILTER (WHERE r.fallback), max(r.asked_at),
       max(r.asked_at) FILTER (WHERE r.fallback), (array_agg(r.question ORDER BY r.asked_at DESC))[1],
       (array_agg(r.topic ORDER BY r.asked_at DESC))[1]
FROM query_log r JOIN question_group g ON g.question_key = r.question_key
GROUP BY 1, 2, 3, 4, 5;

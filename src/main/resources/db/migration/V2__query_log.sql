-- One row per question asked on any channel: the awareness metrics of the communications team.
-- Personal data never lands here: session ids are salted hashes and the question text is redacted
-- before it is written. The retention job later nulls question and question_key (the row and thus every
-- aggregate survive).
CREATE TABLE query_log (
    id               UUID PRIMARY KEY,          -- = Answer.answerId, so feedback can refer to it
    asked_at         TIMESTAMPTZ NOT NULL,
    channel          TEXT        NOT NULL,
    session_hash     TEXT,                      -- hex SHA-256 of salt + session id
    question         TEXT,                      -- redacted; NULL after retention
    question_key     TEXT,                      -- folded, punctuation and filler words removed: groups near-duplicates
    intent           TEXT,
    topic            TEXT        NOT NULL,      -- an id from corpus/topics.yaml
    theme            TEXT,                      -- the topic's Decision 146 theme; NULL for "khac"
    province         TEXT,
    agency           TEXT,
    fallback         BOOLEAN     NOT NULL,
    answered         BOOLEAN GENERATED ALWAYS AS (NOT fallback) STORED,
    confidence       REAL,
    top_source       TEXT,
    latency_ms       INTEGER,
    feedback         BOOLEAN,                   -- helpful? NULL = no verdict
    feedback_comment TEXT,
    feedback_at      TIMESTAMPTZ
);

-- Every insights query filters on a time range first; the filters (channel, province, theme) and the
-- grouped columns are included so the planner can answer from the index alone on large tables.
CREATE INDEX query_log_asked_at ON query_log (asked_at) INCLUDE (channel, province, theme, topic, fallback, feedback);
-- "The latest answer of this session" for POST /api/feedback with a sessionId.
CREATE INDEX query_log_session ON query_log (session_hash, asked_at DESC);
-- Unanswered questions, newest first.
CREATE INDEX query_log_fallback ON query_log (asked_at DESC) INCLUDE (question_key) WHERE fallback;
-- The retention job looks for old rows that still carry text.
CREATE INDEX query_log_with_text ON query_log (asked_at) WHERE question IS NOT NULL;

-- FAQ entries written in the console. Every save is a new version (nothing is overwritten); the latest
-- version of an id is the live one. An id equal to a committed corpus/faq entry overrides it; a version
-- with deleted = true hides it (the committed file is never touched).
CREATE TABLE faq_version (
    id         TEXT        NOT NULL,
    version    INTEGER     NOT NULL,
    question   TEXT        NOT NULL,
    alternates TEXT        NOT NULL DEFAULT '[]',   -- JSON array of phrasings
    answer     TEXT        NOT NULL,
    topic      TEXT        NOT NULL,
    basis      TEXT        NOT NULL,
    audience   TEXT        NOT NULL,
    deleted    BOOLEAN     NOT NULL DEFAULT FALSE,
    actor      TEXT        NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

-- What a reviewer decided about a group of questions in the review queue, by question key, so the
-- group leaves the queue: dismissed, spam, attached to an FAQ entry, or published as a new entry.
CREATE TABLE review_decision (
    question_key TEXT        PRIMARY KEY,
    decision     TEXT        NOT NULL CHECK (decision IN ('dismissed', 'spam', 'attached', 'published')),
    faq_id       TEXT,
    actor        TEXT        NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

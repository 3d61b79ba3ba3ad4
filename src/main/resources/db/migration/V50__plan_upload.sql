-- Plans added by an admin at run time (vn.hoidap.upload), beside the committed corpus/.
-- One row per plan: the original file as received (with its SHA-256), the text taken from it, the
-- reviewed extraction (metadata + tasks, targets, deadlines as the corpus YAML sheet has them, JSON), the
-- last regression report, and where it stands. Who did what when is in audit_log (V40), target 'plan:<id>'.
CREATE TABLE plan_upload (
    id            TEXT        PRIMARY KEY,
    status        TEXT        NOT NULL CHECK (status IN ('processing', 'draft', 'published', 'unpublished', 'failed')),
    file_name     TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    sha256        TEXT        NOT NULL,
    original      BYTEA       NOT NULL,
    text_quality  TEXT,
    text          TEXT,
    sheet         TEXT,
    warnings      TEXT,
    progress      INTEGER     NOT NULL DEFAULT 0,
    error         TEXT,
    report        TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX plan_upload_status ON plan_upload (status);
CREATE INDEX plan_upload_sha256 ON plan_upload (sha256);

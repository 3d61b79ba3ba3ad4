-- The communications team's console: who may sign in, and what everyone changed.
-- Passwords are BCrypt hashes (spring-security-crypto); a user is disabled, never deleted, so the audit
-- trail keeps naming a real account.
CREATE TABLE console_user (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('comms', 'admin')),
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every change a console user makes: who, when, what, and the record before and after (JSON text;
-- password hashes are never written here).
CREATE TABLE audit_log (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    target     TEXT,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- State the instances behind a load balancer share (PostgreSQL is their one shared part): dialogue state
-- per session as a JSON string, job markers, anything keyed by (namespace, key) with an expiry. Rows past
-- expires_at are invisible to readers and purged by system/state/StateJanitor.
CREATE TABLE shared_state (
    namespace  TEXT        NOT NULL,
    key        TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (namespace, key)
);
CREATE INDEX shared_state_expiry ON shared_state (expires_at);

-- Fixed-window request counters for rate limits that hold across instances. UNLOGGED: a crash of the
-- database forgets at most one window of counts, and every request saves a WAL write.
CREATE UNLOGGED TABLE rate_window (
    bucket       TEXT        NOT NULL,      -- e.g. 'addr:203.0.113.7' or 'session:<sha-256>'
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_window_start ON rate_window (window_start);

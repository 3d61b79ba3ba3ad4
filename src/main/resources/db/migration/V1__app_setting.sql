-- Settings the service generates once and must keep across restarts (for example the salt used to
-- hash session and chat ids in the query log).
CREATE TABLE app_setting (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The Zalo OA token pair. Zalo's refresh token is single-use: every refresh returns a new pair and
-- invalidates the old refresh token, so the pair lives here (one row per OA, updated under a row lock) and
-- never only in one instance's memory. seeded_from is a SHA-256 of the configured refresh/access tokens:
-- when an operator configures a new pair (re-authorised the app), the stored one is replaced.
CREATE TABLE zalo_token (
    oa_key            TEXT PRIMARY KEY,
    access_token      TEXT,
    refresh_token     TEXT,
    access_expires_at TIMESTAMPTZ,
    seeded_from       TEXT NOT NULL,
    refreshed_at      TIMESTAMPTZ,
    refresh_count     INTEGER NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

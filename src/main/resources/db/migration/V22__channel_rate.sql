-- Per-chat message counts in fixed windows, shared by every instance, so a chat's limit holds wherever its
-- messages land. UNLOGGED: a crash may reset the counts, which costs nothing worth a WAL write per message.
CREATE UNLOGGED TABLE channel_rate (
    chat_key     TEXT PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER NOT NULL
);

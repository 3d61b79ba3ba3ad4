-- What the messaging channels remember per chat, shared by every instance (webhooks of one chat land on any
-- of them). chat_key is the channel's salted session hash ("tg-…", "zl-…", "fb-…"), never a platform user id.
-- last_inbound_at: the person's last message (Messenger's 24-hour window, Zalo's interaction window);
-- disclosed_at: when the "automated assistant" notice was last shown.
CREATE TABLE channel_chat (
    chat_key        TEXT PRIMARY KEY,
    channel         TEXT NOT NULL,
    province        TEXT,
    last_inbound_at TIMESTAMPTZ,
    disclosed_at    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX channel_chat_updated ON channel_chat (updated_at);

-- Webhook events already taken (Zalo msg_id, Messenger mid …): platforms retry, and a retry may reach
-- another instance. Kept for a few days; older events are refused by age anyway.
CREATE TABLE channel_event (
    channel  TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, event_id)
);
CREATE INDEX channel_event_seen ON channel_event (seen_at);

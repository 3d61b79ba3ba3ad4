package vn.hoidap.assistant;

/**
 * A message from a person on a channel, exactly as they typed it. {@code sessionId} ties follow-ups together
 * (web: from the client; Telegram, Zalo, Messenger: one per chat); {@code channel} is "web", "telegram",
 * "zalo", "messenger", "eval" …; {@code province} is a province the person chose in the channel (Telegram's
 * {@code /tinh}, the widget's configured province), or null: it travels as a field, never appended to the text,
 * and applies only when the text itself names no province. {@code newSession}: the session id was made for
 * this very question (the client sent none), so there is no earlier turn to read from the dialogue store.
 */
public record Question(String text, String sessionId, String channel, String province, boolean newSession) {

    public Question(String text, String sessionId, String channel, String province) {
        this(text, sessionId, channel, province, false);
    }

    public Question(String text, String sessionId, String channel) {
        this(text, sessionId, channel, null, false);
    }
}

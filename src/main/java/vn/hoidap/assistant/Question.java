package vn.hoidap.assistant;

/**
 * A message from a person on a channel. {@code sessionId} ties follow-ups together (web: from the client;
 * Telegram: one per chat); {@code channel} is "web", "telegram", "eval" …
 */
public record Question(String text, String sessionId, String channel) {
}

package vn.hoidap.channel;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a 👍 / 👎 button sends back: {@code fb:1:<answerId>} or {@code fb:0:<answerId>} (Telegram callback data,
 * a Messenger quick-reply payload, the hidden text of a Zalo {@code oa.query.hide} button, which Zalo may
 * prefix with {@code #}). Parsed strictly: anything else is not feedback.
 */
public record FeedbackPayload(boolean helpful, String answerId) {

    private static final String PREFIX = "fb:";

    public String encode() {
        return PREFIX + (helpful ? "1" : "0") + ":" + answerId;
    }

    /** Whether both payloads for this answer fit in {@code maxBytes} (Telegram: 64). */
    public static boolean fits(String answerId, int maxBytes) {
        return answerId != null && !answerId.isBlank() && answerId.strip().equals(answerId)
                && (PREFIX + "1:" + answerId).getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    public static Optional<FeedbackPayload> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        String d = data.strip();
        if (d.startsWith("#")) {
            d = d.substring(1);
        }
        if (!d.startsWith(PREFIX) || d.length() < PREFIX.length() + 3 || d.length() > 200) {
            return Optional.empty();
        }
        char verdict = d.charAt(PREFIX.length());
        String id = d.substring(PREFIX.length() + 2);
        if (d.charAt(PREFIX.length() + 1) != ':' || (verdict != '0' && verdict != '1') || id.isBlank()
                || id.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackPayload(verdict == '1', id));
    }
}

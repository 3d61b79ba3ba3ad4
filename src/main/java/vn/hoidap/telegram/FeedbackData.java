package vn.hoidap.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The callback data of the 👍 / 👎 buttons: {@code fb:1:<answerId>} or {@code fb:0:<answerId>}. Telegram
 * allows 1–64 bytes and does not check it before the button is pressed, so it is checked here.
 */
record FeedbackData(boolean helpful, String answerId) {

    static final int MAX_BYTES = 64;
    private static final String PREFIX = "fb:";

    String encode() {
        return PREFIX + (helpful ? "1" : "0") + ":" + answerId;
    }

    static boolean fits(String answerId) {
        return answerId != null && !answerId.isBlank()
                && (PREFIX + "1:" + answerId).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    static Optional<FeedbackData> parse(String data) {
        if (data == null || !data.startsWith(PREFIX) || data.length() < PREFIX.length() + 3) {
            return Optional.empty();
        }
        char verdict = data.charAt(PREFIX.length());
        String id = data.substring(PREFIX.length() + 2);
        if (data.charAt(PREFIX.length() + 1) != ':' || (verdict != '0' && verdict != '1') || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackData(verdict == '1', id));
    }
}

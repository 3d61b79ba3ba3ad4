package vn.hoidap.assistant;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The one check of what a person typed, for every channel: not empty, not longer than the configured limit.
 * The HTTP API turns a problem into a 400; the assistant answers it with the same sentence on other channels.
 */
@Singleton
public final class MessageValidator {

    private final int maxLength;

    MessageValidator(AssistantConfig config) {
        this.maxLength = config.maxMessageLength();
    }

    /** A Vietnamese sentence saying what is wrong with the message, or empty when it can be answered. */
    public Optional<String> problem(String message) {
        if (message == null || message.isBlank()) {
            return Optional.of("Câu hỏi đang trống; hãy nhập nội dung cần hỏi.");
        }
        String m = message.strip();
        if (m.codePointCount(0, m.length()) > maxLength) {
            return Optional.of("Câu hỏi quá dài (tối đa " + maxLength + " ký tự); hãy rút gọn câu hỏi.");
        }
        return Optional.empty();
    }
}

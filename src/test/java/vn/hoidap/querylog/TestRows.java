package vn.hoidap.querylog;

import java.time.Instant;
import java.util.UUID;

/** Log rows for the writer's unit tests, as {@link LogRowFactory} makes them (redacted text, hashed session). */
final class TestRows {

    private TestRows() {
    }

    static LogRow row(String channel, String question) {
        return LogRow.asked(UUID.randomUUID(), Instant.parse("2026-11-20T03:15:30.123456Z"), channel, "ab12", question,
                QuestionKey.of(question), "faq", "chu-ky-so", "pho-cap-ky-nang-so", "Đồng Nai", null, false, 0.75,
                "faq#chu-ky-so", 42);
    }

    static LogRow row(String question) {
        return row("unit-test", question);
    }
}

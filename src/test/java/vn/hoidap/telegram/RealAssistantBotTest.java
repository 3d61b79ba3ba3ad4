package vn.hoidap.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.querylog.FeedbackSink;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot with the real assistant and whatever FeedbackSink the service has: a question gets a reply with
 * buttons, and pressing one is answered. When the query log is part of the build, the verdict must land in
 * its PostgreSQL table.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAssistantBotTest implements TestPropertyProvider {

    private static final String TOKEN = "4242:REAL-assistant";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FakeBotApi api = new FakeBotApi(TOKEN);

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.telegram.token", TOKEN, "hoidap.telegram.api-url", api.url());
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void repliesThroughTheRealAssistantAndAnswersTheFeedbackButton() {
        long chat = 55_000_001L;
        api.push(Updates.text(api.nextUpdateId(), chat, "Dịch vụ công trực tuyến toàn trình là gì?"));
        FakeBotApi.Call reply = api.await("sendMessage", c -> c.chatId() == chat && c.json().hasNonNull("reply_markup"), WAIT);
        assertFalse(reply.text().isBlank());
        String yes = reply.json().get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asText();
        assertTrue(yes.startsWith("fb:1:"), yes);
        String answerId = yes.substring("fb:1:".length());

        int update = api.nextUpdateId();
        api.push(Updates.callback(update, chat, yes));
        FakeBotApi.Call answered = api.await("answerCallbackQuery",
                c -> c.json().get("callback_query_id").asText().equals("cb-" + update), WAIT);
        String text = answered.json().get("text").asText();

        if (context.containsBean(FeedbackSink.class)) {
            assertEquals("Cảm ơn bạn đã góp ý!", text);
            assertEquals(Boolean.TRUE, storedVerdict(answerId), "the verdict is in query_log");
        } else {
            // No query log in this build: the button is still answered, honestly.
            assertEquals("Chưa ghi nhận được góp ý, bạn vui lòng thử lại sau.", text);
        }
    }

    private Boolean storedVerdict(String answerId) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Boolean verdict = jdbc.execute(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT feedback FROM query_log WHERE id = ?")) {
                    s.setObject(1, UUID.fromString(answerId));
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? (Boolean) rs.getObject(1) : null;
                    }
                }
            });
            if (verdict != null) {
                return verdict;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}

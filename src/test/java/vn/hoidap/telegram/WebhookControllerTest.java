package vn.hoidap.telegram;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook mode through a real HTTP client: the secret check, malformed bodies, setWebhook at start-up. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookControllerTest implements TestPropertyProvider {

    private static final String TOKEN = "654321:WEBHOOK-token";
    private static final String SECRET = "s3cret_Webhook-token";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeBotApi api = new FakeBotApi(TOKEN);

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "hoidap.test.telegram-beans", "webhook",
                "hoidap.telegram.token", TOKEN,
                "hoidap.telegram.api-url", api.url(),
                "hoidap.telegram.mode", "webhook",
                "hoidap.telegram.webhook-secret", SECRET,
                "hoidap.telegram.webhook-url", "https://hoidap.example.vn/telegram/webhook",
                "hoidap.telegram.session-salt", "webhook-salt");
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void setsTheWebhookWithTheSecretAtStartUpAndDoesNotPoll() {
        FakeBotApi.Call set = api.await("setWebhook", c -> true, WAIT);
        assertTrue(set.body().contains("https://hoidap.example.vn/telegram/webhook"), set.body());
        assertTrue(set.body().contains(SECRET), set.body());
        assertEquals(List.of(), api.calls("getUpdates"), "no long polling in webhook mode");
    }

    @Test
    void acceptsAnUpdateWithTheRightSecretAndAnswersIt() {
        long chat = 81_000_001L;
        HttpResponse<?> r = client.toBlocking().exchange(post(Updates.text(1, chat, "xin chào qua webhook"), SECRET));
        assertEquals(HttpStatus.OK, r.getStatus());
        FakeBotApi.Call sent = api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        assertTrue(sent.text().startsWith("Đã nhận: xin chào qua webhook"), sent.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong", "s3cret_Webhook-toke", "s3cret_Webhook-tokenX", "S3CRET_WEBHOOK-TOKEN"})
    void refusesAWrongSecret(String secret) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(Updates.text(2, 81_000_002L, "giả mạo"), secret)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void refusesAMissingSecret() {
        HttpRequest<String> request = HttpRequest.POST("/telegram/webhook", Updates.text(3, 81_000_003L, "không có mã"))
                .contentType(MediaType.APPLICATION_JSON);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertTrue(api.calls("sendMessage").stream().noneMatch(c -> c.chatId() == 81_000_003L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{broken", "null", "[]", "\"text\"", "{\"update_id\": \"abc\"}", "   "})
    void answersMalformedBodiesWith400(String body) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body, SECRET), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String error = e.getResponse().getBody(Map.class).map(m -> (String) m.get("error")).orElse("");
        assertTrue(error.contains("không hợp lệ") || error.contains("Thiếu"), error);
    }

    @Test
    void takesEditsStickersAndUnknownUpdateKindsWithoutFailing() {
        long chat = 81_000_004L;
        for (String update : List.of(Updates.edited(10, chat, "sửa"), Updates.sticker(11, chat),
                "{\"update_id\": 12, \"poll\": {\"id\": \"p\", \"question\": \"?\", \"options\": [], \"total_voter_count\": 0,"
                        + " \"is_closed\": false, \"is_anonymous\": true, \"type\": \"regular\", \"allows_multiple_answers\": false},"
                        + " \"some_future_field\": {\"x\": 1}}")) {
            assertEquals(HttpStatus.OK, client.toBlocking().exchange(post(update, SECRET)).getStatus());
        }
        FakeBotApi.Call reply = api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        assertTrue(reply.text().startsWith("Hiện tôi chỉ đọc được tin nhắn chữ"), "the sticker gets the polite reply");
    }

    @Test
    void answersAnUpdateRedeliveredByTelegramOnce() throws InterruptedException {
        long chat = 81_000_005L;
        String update = Updates.text(20, chat, "gửi lại hai lần");
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(post(update, SECRET)).getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(post(update, SECRET)).getStatus());
        api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        Thread.sleep(500);
        assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).count());
    }

    @Test
    void takesAMessageWithoutAChatWithoutAServerError() {
        String noChat = "{\"update_id\": 21, \"message\": {\"message_id\": 5, \"date\": 1700000000, \"text\": \"không có chat\"}}";
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(post(noChat, SECRET)).getStatus());
        String callbackNoMessage = "{\"update_id\": 22, \"callback_query\": {\"id\": \"cb\", \"chat_instance\": \"1\","
                + " \"from\": {\"id\": 1, \"is_bot\": false, \"first_name\": \"A\"}, \"data\": \"fb:1:x\"}}";
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(post(callbackNoMessage, SECRET)).getStatus());
    }

    private static HttpRequest<String> post(String body, String secret) {
        return HttpRequest.POST("/telegram/webhook", body).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookController.SECRET_HEADER, secret);
    }

    @Singleton
    @Primary
    @Requires(property = "hoidap.test.telegram-beans", value = "webhook")
    static class EchoAssistant implements Assistant {
        @Override
        public Answer answer(Question q) {
            return new Answer(UUID.randomUUID().toString(), q.sessionId(), "Đã nhận: " + q.text(), "test", 1.0, false,
                    List.of(), List.of(), null, null, null);
        }
    }
}

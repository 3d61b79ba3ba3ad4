package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
import vn.hoidap.assistant.QuestionAnswered;
import vn.hoidap.channel.FakePlatform;
import vn.hoidap.channel.QueryLogRows;
import vn.hoidap.channel.RecordingAssistant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zalo OA channel end to end: signed webhooks through a real HTTP client into the service, replies to a
 * strict fake of Zalo's OA API and OAuth server on loopback, feedback into the real query log. Each test uses
 * its own Zalo user so rate limits and state do not leak between tests.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloChannelTest implements TestPropertyProvider {

    static final String APP_ID = "2553928453557884079";
    static final String APP_SECRET = "app-secret-zalo";
    static final String OA_SECRET = "oa-secret-key-zalo";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicLong USERS = new AtomicLong(6142494823000000000L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeZaloApi zalo = new FakeZaloApi(APP_ID, APP_SECRET, "access-0", "refresh-0");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ZaloTestAssistant assistant;
    @Inject
    JdbcOperations jdbc;
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "hoidap.test.channel-beans", "zalo",
                "hoidap.zalo.app-id", APP_ID,
                "hoidap.zalo.app-secret", APP_SECRET,
                "hoidap.zalo.oa-secret-key", OA_SECRET,
                "hoidap.zalo.access-token", "access-0",
                "hoidap.zalo.refresh-token", "refresh-0",
                "hoidap.zalo.api-url", zalo.url(),
                "hoidap.zalo.oauth-url", zalo.url() + "/",
                "hoidap.zalo.portal-base-url", "https://hoidap.example.vn/",
                "hoidap.zalo.max-retry-wait-seconds", "1");
    }

    @AfterAll
    void stop() {
        zalo.close();
    }

    @Test
    void answersASignedQuestionWithSourceLinkAndButtonsAndStoresTheThumbsUp() {
        String user = nextUser();
        assertEquals(HttpStatus.OK, post(textEvent(user, "Sở nào chủ trì tuyên truyền chuyển đổi số?")).getStatus());

        FakePlatform.Call sent = zalo.await(FakeZaloApi.CS, to(user), WAIT);
        assertEquals(zalo.accessToken(), sent.header("access_token"), "the token goes in the access_token header");
        String text = sent.json().path("message").path("text").asText();
        assertTrue(text.startsWith("🤖 Tôi là trợ lý ảo tự động"), "the first answer says a machine answers: " + text);
        assertTrue(text.contains("Trả lời: Sở nào chủ trì tuyên truyền chuyển đổi số?"), text);
        assertTrue(text.contains("https://hoidap.example.vn/ke-hoach/dong-nai-2022#muc-iii-2"), "absolute link: " + text);
        JsonNode buttons = sent.json().path("message").path("attachment").path("payload").path("buttons");
        Answer answer = assistant.last();
        assertEquals("👍", buttons.get(0).path("title").asText());
        assertEquals("oa.query.hide", buttons.get(0).path("type").asText());
        assertEquals("#fb:1:" + answer.answerId(), buttons.get(0).path("payload").asText());
        assertEquals("#fb:0:" + answer.answerId(), buttons.get(1).path("payload").asText());
        assertEquals("oa.query.show", buttons.get(2).path("type").asText(), "a suggested question: " + buttons);
        assertEquals("Mục tiêu năm 2025 của Đồng Nai là gì?", buttons.get(2).path("payload").asText());
        assertEquals("zalo", assistant.question("Sở nào chủ trì tuyên truyền chuyển đổi số?").channel());
        assertTrue(answer.sessionId().matches("zl-[0-9a-f]{32}") && !answer.sessionId().contains(user));

        // The 👍 button: Zalo sends its hidden payload back as the person's text.
        assertEquals(HttpStatus.OK, post(textEvent(user, "#fb:1:" + answer.answerId())).getStatus());
        FakePlatform.Call thanks = zalo.awaitCount(FakeZaloApi.CS, to(user), 2, WAIT).get(1);
        assertEquals("Cảm ơn bạn đã góp ý!", thanks.json().path("message").path("text").asText());
        QueryLogRows.Row row = QueryLogRows.awaitFeedback(jdbc, answer.answerId(), WAIT);
        assertNotNull(row, "the answer is in query_log");
        assertEquals("zalo", row.channel());
        assertEquals(Boolean.TRUE, row.feedback());
        assertFalse(assistant.asked("#fb:1:" + answer.answerId()), "a button is not a question");

        context.findBean(MeterRegistry.class).ifPresent(r -> assertTrue(
                r.counter("hoidap.channel.sends", "channel", "zalo", "outcome", "sent").count() >= 2, "sends counted"));

        assertEquals(HttpStatus.OK, post(textEvent(user, "Câu thứ hai?")).getStatus());
        String second = zalo.awaitCount(FakeZaloApi.CS, to(user), 3, WAIT).get(2).json().path("message").path("text").asText();
        assertTrue(second.startsWith("Trả lời: Câu thứ hai?"), "the notice only once: " + second);
    }

    @Test
    void splitsLongAnswersUnder2000CharactersWithButtonsOnlyOnTheLast() {
        String user = nextUser();
        post(textEvent(user, "câu trả lời dài"));
        zalo.await(FakeZaloApi.CS, c -> to(user).test(c) && c.json().path("message").has("attachment"), WAIT);
        List<FakePlatform.Call> parts = zalo.calls(FakeZaloApi.CS).stream().filter(to(user)).toList();
        assertTrue(parts.size() >= 6, "about 12,000 characters: " + parts.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String t = parts.get(i).json().path("message").path("text").asText();
            assertTrue(t.length() <= 2000, "part " + i + ": " + t.length());
            assertEquals(i == parts.size() - 1, parts.get(i).json().path("message").has("attachment"));
            joined.append(t);
        }
        assertTrue(joined.toString().replaceAll("\\s", "").contains(RecordingAssistant.longText().replaceAll("\\s", "")),
                "nothing lost or reordered");
    }

    @Test
    void choosesAProvinceWithTinhAndSendsItAsAFieldOfTheQuestion() {
        String user = nextUser();
        post(textEvent(user, "/tinh thanh hoa"));
        String set = zalo.await(FakeZaloApi.CS, to(user), WAIT).json().path("message").path("text").asText();
        assertTrue(set.startsWith("Đã chọn Thanh Hóa"), set);
        post(textEvent(user, "Mục tiêu 2025?"));
        zalo.awaitCount(FakeZaloApi.CS, to(user), 2, WAIT);
        assertEquals("Thanh Hóa", assistant.question("Mục tiêu 2025?").province());
    }

    @Test
    void greetsFollowersAndAnswersStickersPolitelyAndIgnoresEchoesAndReceipts() throws Exception {
        String user = nextUser();
        ObjectNode follow = JSON.createObjectNode().put("oa_id", "3662729599332560487").put("event_name", "follow")
                .put("app_id", APP_ID).put("source", "oa_profile").put("user_id_by_app", "979122185046046317")
                .put("timestamp", now());
        follow.putObject("follower").put("id", user);
        post(follow.toString());
        String greeting = zalo.await(FakeZaloApi.CS, to(user), WAIT).json().path("message").path("text").asText();
        assertTrue(greeting.startsWith("Xin chào! Tôi là trợ lý ảo tự động"), greeting);

        post(event(user, "oa_send_text", "echo of our own reply", "echo-" + user));
        post(event(user, "user_received_message", null, "rcv-" + user));
        post(event(user, "user_send_sticker", null, "st-" + user));
        String polite = zalo.awaitCount(FakeZaloApi.CS, to(user), 2, WAIT).get(1).json().path("message").path("text").asText();
        assertTrue(polite.startsWith("Hiện tôi chỉ đọc được tin nhắn chữ"), polite);
        Thread.sleep(500);
        assertEquals(2, zalo.calls(FakeZaloApi.CS).stream().filter(to(user)).count(), "echo and receipt left alone");
        assertFalse(assistant.asked("echo of our own reply"));
    }

    @Test
    void takesAReplayedEventOnce() throws Exception {
        String user = nextUser();
        String body = textEvent(user, "hỏi một lần thôi");
        post(body);
        post(body);
        post(body);
        zalo.await(FakeZaloApi.CS, to(user), WAIT);
        Thread.sleep(700);
        assertEquals(1, zalo.calls(FakeZaloApi.CS).stream().filter(to(user)).count(), "deduplicated by msg_id");
        assertEquals(1, assistant.questions.stream().filter(q -> q.text().equals("hỏi một lần thôi")).count());
    }

    @Test
    void refusesMissingAndWrongSignaturesAndProcessesNothing() throws Exception {
        String user = nextUser();
        String body = textEvent(user, "giả mạo");
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String ts = JSON.readTree(body).path("timestamp").asText();
        assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.POST("/zalo/webhook", body)
                .contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.FORBIDDEN, status(signed(body, "mac=" + "0".repeat(64))));
        assertEquals(HttpStatus.FORBIDDEN, status(signed(body, FakeZaloApi.sign(APP_ID, raw, ts, APP_SECRET))),
                "signed with the app secret instead of the OA secret key");
        assertEquals(HttpStatus.FORBIDDEN, status(signed(body.replace("giả mạo", "gia mao"),
                FakeZaloApi.sign(APP_ID, raw, ts, OA_SECRET))), "a body changed after signing");
        assertEquals(HttpStatus.FORBIDDEN, status(signed(body, "mac=zz")));
        Thread.sleep(500);
        assertTrue(zalo.calls(FakeZaloApi.CS).stream().noneMatch(to(user)), "nothing processed");
        assertFalse(assistant.asked("giả mạo"));

        // The bare hex form (no "mac=") is accepted too: Zalo's documentation does not settle it.
        String hex = FakeZaloApi.sign(APP_ID, raw, ts, OA_SECRET).substring(4).toUpperCase();
        assertEquals(HttpStatus.OK, status(signed(body, hex)));
        zalo.await(FakeZaloApi.CS, to(user), WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{broken", "[]", "\"text\"", "null", "{\"event_name\":\"user_send_text\"}",
            "{\"event_name\":\"user_send_text\",\"timestamp\":{\"x\":1}}", "{\"timestamp\":\"abc\"}"})
    void answersMalformedBodiesWith400(String body) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(signed(body, "mac=" + "a".repeat(64)), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String error = e.getResponse().getBody(Map.class).map(m -> (String) m.get("error")).orElse("");
        assertTrue(error.contains("không hợp lệ") || error.contains("thiếu") || error.contains("Thiếu"), error);
    }

    @Test
    void refusesA10MegabyteBodyWithoutAServerError() throws Exception {
        int port = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode(),
                vn.hoidap.channel.OversizedBody.status(port, "/zalo/webhook", 10L * 1024 * 1024));
    }

    @Test
    void acknowledgesButIgnoresUnknownAndStaleEvents() throws Exception {
        String user = nextUser();
        assertEquals(HttpStatus.OK, post(event(user, "user_send_hologram", "xin chào", "holo-" + user)).getStatus());
        ObjectNode stale = (ObjectNode) JSON.readTree(textEvent(user, "câu hỏi cũ"));
        stale.put("timestamp", Long.toString(System.currentTimeMillis() - Duration.ofDays(3).toMillis()));
        assertEquals(HttpStatus.OK, post(stale.toString()).getStatus());
        Thread.sleep(700);
        assertTrue(zalo.calls(FakeZaloApi.CS).stream().noneMatch(to(user)));
        assertFalse(assistant.asked("câu hỏi cũ"), "a replay of an old event is not answered");
    }

    @Test
    void answersTheWebhookAtOnceWhileZaloIsSlow() throws Exception {
        String user = nextUser();
        CountDownLatch slow = zalo.holdSends();
        try {
            HttpResponse<?> r = post(textEvent(user, "Zalo đang chậm"));
            assertEquals(HttpStatus.OK, r.getStatus());
            assertEquals(1, slow.getCount(), "the 200 came back while the reply was still held by Zalo");
        } finally {
            slow.countDown();
        }
        zalo.await(FakeZaloApi.CS, to(user), WAIT);
    }

    @Test
    void refreshesTheTokenOnceWhenZaloRejectsItAndResends() {
        String user = nextUser();
        String before = zalo.accessToken();
        int refreshes = zalo.calls(FakeZaloApi.TOKEN).size();
        zalo.revokeAccessToken();
        post(textEvent(user, "sau khi token hết hạn"));
        FakePlatform.Call ok = zalo.await(FakeZaloApi.CS,
                c -> to(user).test(c) && c.header("access_token").equals(zalo.accessToken()), WAIT);
        assertFalse(ok.header("access_token").equals(before));
        assertEquals(refreshes + 1, zalo.calls(FakeZaloApi.TOKEN).size(), "one refresh");
        FakePlatform.Call refresh = zalo.calls(FakeZaloApi.TOKEN).get(refreshes);
        assertEquals(APP_SECRET, refresh.header("secret_key"));
        assertTrue(refresh.body().contains("grant_type=refresh_token"), refresh.body());
    }

    @Test
    void doesNotRetryOutsideTheInteractionWindowButBacksOffOnRateLimits() throws Exception {
        String outside = nextUser();
        zalo.failSends(outside, -230);
        post(textEvent(outside, "đã quá 7 ngày"));
        zalo.await(FakeZaloApi.CS, to(outside), WAIT);
        Thread.sleep(1500);
        assertEquals(1, zalo.calls(FakeZaloApi.CS).stream().filter(to(outside)).count(), "-230 is not retried");

        String limited = nextUser();
        zalo.failSends(limited, -32, -32);
        post(textEvent(limited, "giới hạn tốc độ"));
        List<FakePlatform.Call> attempts = zalo.awaitCount(FakeZaloApi.CS, to(limited), 3, WAIT);
        assertEquals(attempts.get(0).body(), attempts.get(2).body(), "the same message, sent when the limit allows");
    }

    private static java.util.function.Predicate<FakePlatform.Call> to(String user) {
        return c -> c.json() != null && user.equals(c.json().path("recipient").path("user_id").asText());
    }

    private HttpResponse<?> post(String body) {
        try {
            String ts = JSON.readTree(body).path("timestamp").asText();
            return client.toBlocking().exchange(signed(body,
                    FakeZaloApi.sign(APP_ID, body.getBytes(StandardCharsets.UTF_8), ts, OA_SECRET)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpStatus status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private static HttpRequest<String> signed(String body, String mac) {
        return HttpRequest.POST("/zalo/webhook", body).contentType(MediaType.APPLICATION_JSON)
                .header(ZaloWebhookController.SIGNATURE, mac);
    }

    private static String nextUser() {
        return Long.toString(USERS.incrementAndGet());
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    static String textEvent(String user, String text) {
        return event(user, "user_send_text", text, Long.toHexString(System.nanoTime()) + user.substring(12));
    }

    static String event(String user, String name, String text, String msgId) {
        ObjectNode e = JSON.createObjectNode().put("event_name", name).put("app_id", APP_ID);
        e.putObject("sender").put("id", user);
        e.putObject("recipient").put("id", "3662729599332560487");
        ObjectNode m = e.putObject("message").put("msg_id", msgId);
        if (text != null) {
            m.put("text", text);
        }
        e.put("timestamp", now()).put("user_id_by_app", "979122185046046317");
        return e.toString();
    }

    @Singleton
    @Primary
    @Requires(property = "hoidap.test.channel-beans", value = "zalo")
    static class ZaloTestAssistant extends RecordingAssistant {
        ZaloTestAssistant(ApplicationEventPublisher<QuestionAnswered> events) {
            super(events);
        }
    }
}

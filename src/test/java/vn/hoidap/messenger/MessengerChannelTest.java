package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Messenger channel end to end: Meta's handshake, signed ASCII-escaped deliveries through a real HTTP
 * client, replies to a strict fake of the Send API on loopback, feedback into the real query log. Each test
 * uses its own PSID.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessengerChannelTest implements TestPropertyProvider {

    private static final String PAGE_TOKEN = "EAAG-page-token";
    private static final String APP_SECRET = "fb-app-secret";
    private static final String VERIFY = "verify-me-123";
    private static final String PAGE_ID = "106000000000001";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicLong USERS = new AtomicLong(2_500_000_000_000_000L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeGraphApi graph = new FakeGraphApi(PAGE_TOKEN);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessengerTestAssistant assistant;
    @Inject
    JdbcOperations jdbc;
    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "hoidap.test.channel-beans", "messenger",
                "hoidap.messenger.page-token", PAGE_TOKEN,
                "hoidap.messenger.app-secret", APP_SECRET,
                "hoidap.messenger.verify-token", VERIFY,
                "hoidap.messenger.api-url", graph.url(),
                "hoidap.messenger.portal-base-url", "https://hoidap.example.vn",
                "hoidap.messenger.max-retry-wait-seconds", "1",
                // Older than the 24-hour window but within the accepted age: the window itself must stop the reply.
                "hoidap.messenger.max-event-age-minutes", "4320");
    }

    @AfterAll
    void stop() {
        graph.close();
    }

    @Test
    void answersTheHandshakeWithTheChallengeOnlyForTheRightToken() {
        String ok = client.toBlocking().retrieve(HttpRequest.GET(
                "/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY + "&hub.challenge=1158201444"));
        assertEquals("1158201444", ok);
        for (String query : List.of("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                "hub.mode=unsubscribe&hub.verify_token=" + VERIFY + "&hub.challenge=1",
                "hub.mode=subscribe&hub.challenge=1", "hub.mode=subscribe&hub.verify_token=" + VERIFY
                        + "&hub.challenge=%3Cscript%3E", "")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/messenger/webhook?" + query)), query);
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus(), query);
        }
    }

    @Test
    void answersAnEscapedSignedQuestionWithQuickRepliesAndStoresTheThumbsDown() {
        String psid = nextUser();
        assertEquals(HttpStatus.OK, post(delivery(textEvent(psid, "Ai chủ trì đào tạo kỹ năng số?"))));

        FakePlatform.Call sent = graph.await(FakeGraphApi.MESSAGES, to(psid), WAIT);
        assertEquals("RESPONSE", sent.json().path("messaging_type").asText());
        String text = sent.json().path("message").path("text").asText();
        assertTrue(text.startsWith("🤖 Tôi là trợ lý ảo tự động"), "says it is automated: " + text);
        assertTrue(text.contains("Trả lời: Ai chủ trì đào tạo kỹ năng số?"), "decoded Vietnamese: " + text);
        assertTrue(text.contains("https://hoidap.example.vn/ke-hoach/dong-nai-2022#muc-iii-2"), text);
        JsonNode quick = sent.json().path("message").path("quick_replies");
        Answer answer = assistant.last();
        assertEquals("👍", quick.get(0).path("title").asText());
        assertEquals("fb:1:" + answer.answerId(), quick.get(0).path("payload").asText());
        assertEquals("fb:0:" + answer.answerId(), quick.get(1).path("payload").asText());
        assertEquals("q:Mục tiêu năm 2025 của Đồng Nai là gì?", quick.get(2).path("payload").asText());
        assertTrue(quick.get(2).path("title").asText().length() <= 20);
        assertEquals("messenger", assistant.question("Ai chủ trì đào tạo kỹ năng số?").channel());

        // Tapping 👎: the title comes as text, the payload says what it is.
        ObjectNode tap = textEvent(psid, "👎");
        ((ObjectNode) tap.get("message")).putObject("quick_reply").put("payload", "fb:0:" + answer.answerId());
        post(delivery(tap));
        FakePlatform.Call thanks = graph.awaitCount(FakeGraphApi.MESSAGES, to(psid), 2, WAIT).get(1);
        assertEquals("Cảm ơn bạn đã góp ý!", thanks.json().path("message").path("text").asText());
        QueryLogRows.Row row = QueryLogRows.awaitFeedback(jdbc, answer.answerId(), WAIT);
        assertNotNull(row);
        assertEquals("messenger", row.channel());
        assertEquals(Boolean.FALSE, row.feedback());
        assertFalse(assistant.asked("👎"));

        // A suggested question tapped is asked as such.
        ObjectNode suggestion = textEvent(psid, "Mục tiêu năm 2025…");
        ((ObjectNode) suggestion.get("message")).putObject("quick_reply").put("payload", "q:Mục tiêu năm 2025 của Đồng Nai là gì?");
        post(delivery(suggestion));
        String third = graph.awaitCount(FakeGraphApi.MESSAGES, to(psid), 3, WAIT).get(2).json().path("message").path("text").asText();
        assertTrue(third.startsWith("Trả lời: Mục tiêu năm 2025 của Đồng Nai là gì?"), "no second notice: " + third);
    }

    @Test
    void greetsOnGetStartedAndSkipsEchoesDeliveriesAndReads() throws Exception {
        String psid = nextUser();
        ObjectNode started = base(psid);
        started.putObject("postback").put("title", "Bắt đầu").put("payload", "GET_STARTED").put("mid", "m_pb_" + psid);
        ObjectNode echo = base(psid);
        echo.putObject("message").put("mid", "m_echo_" + psid).put("is_echo", true).put("text", "tiếng vọng");
        ObjectNode delivery = base(psid);
        delivery.putObject("delivery").put("watermark", System.currentTimeMillis()).putArray("mids").add("m_x");
        ObjectNode read = base(psid);
        read.putObject("read").put("watermark", System.currentTimeMillis());
        post(delivery(started, echo, delivery, read));
        String greeting = graph.await(FakeGraphApi.MESSAGES, to(psid), WAIT).json().path("message").path("text").asText();
        assertTrue(greeting.startsWith("Xin chào! Tôi là trợ lý ảo tự động"), greeting);
        Thread.sleep(600);
        assertEquals(1, graph.calls(FakeGraphApi.MESSAGES).stream().filter(to(psid)).count());
        assertFalse(assistant.asked("tiếng vọng"));
    }

    @Test
    void takesEveryEventOfABatchedDeliveryAndAnswersAStickerOnce() {
        String a = nextUser();
        String b = nextUser();
        ObjectNode sticker = base(b);
        ObjectNode m = sticker.putObject("message").put("mid", "m_st_" + b);
        ArrayNode att = m.putArray("attachments");
        att.addObject().put("type", "image").putObject("payload").put("url", "https://scontent.example/s.png");
        att.addObject().put("type", "sticker").putObject("payload").put("sticker_id", 369239263222822L);
        ObjectNode root = JSON.createObjectNode().put("object", "page");
        ArrayNode entries = root.putArray("entry");
        ObjectNode e1 = entries.addObject().put("id", PAGE_ID).put("time", System.currentTimeMillis());
        e1.putArray("messaging").add(textEvent(a, "câu một")).add(textEvent(a, "câu hai"));
        ObjectNode e2 = entries.addObject().put("id", PAGE_ID).put("time", System.currentTimeMillis());
        e2.putArray("messaging").add(sticker);
        post(root.toString());
        graph.awaitCount(FakeGraphApi.MESSAGES, to(a), 2, WAIT);
        String polite = graph.await(FakeGraphApi.MESSAGES, to(b), WAIT).json().path("message").path("text").asText();
        assertTrue(polite.startsWith("Hiện tôi chỉ đọc được tin nhắn chữ"), polite);
        assertTrue(assistant.asked("câu một") && assistant.asked("câu hai"));
    }

    @Test
    void refusesMissingWrongAndReserialisedSignaturesAndProcessesNothing() throws Exception {
        String psid = nextUser();
        String unescaped = delivery(textEvent(psid, "Chữ ký sai thì sao?"));
        String escaped = FakeGraphApi.asciiEscaped(unescaped);
        assertEquals(HttpStatus.UNAUTHORIZED, status(request(escaped, null)));
        assertEquals(HttpStatus.FORBIDDEN, status(request(escaped, "sha256=" + "0".repeat(64))));
        assertEquals(HttpStatus.FORBIDDEN, status(request(escaped,
                FakeGraphApi.sign(APP_SECRET, unescaped.getBytes(StandardCharsets.UTF_8)))),
                "a signature over the re-serialised (unescaped) JSON is not Meta's");
        assertEquals(HttpStatus.FORBIDDEN, status(request(escaped,
                FakeGraphApi.sign("other-secret", escaped.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(HttpStatus.FORBIDDEN, status(request(escaped,
                FakeGraphApi.sign(APP_SECRET, escaped.getBytes(StandardCharsets.UTF_8)).replace("sha256=", "sha1="))));
        Thread.sleep(500);
        assertTrue(graph.calls(FakeGraphApi.MESSAGES).stream().noneMatch(to(psid)), "nothing processed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{broken", "[]", "\"page\"", "null", ""})
    void answersMalformedSignedBodiesWith400(String body) {
        assertEquals(HttpStatus.BAD_REQUEST, status(request(body, FakeGraphApi.sign(APP_SECRET,
                body.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void refusesA10MegabyteBodyAndAcknowledgesUnknownObjectsAndStaleEvents() throws Exception {
        int port = server.getPort();
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode(),
                vn.hoidap.channel.OversizedBody.status(port, "/messenger/webhook", 10L * 1024 * 1024));

        assertEquals(HttpStatus.OK, post("{\"object\":\"instagram\",\"entry\":[]}"));
        String psid = nextUser();
        ObjectNode old = textEvent(psid, "câu hỏi hôm kia");
        old.put("timestamp", System.currentTimeMillis() - Duration.ofDays(2).toMillis());
        assertEquals(HttpStatus.OK, post(delivery(old)));
        Thread.sleep(600);
        assertFalse(assistant.asked("câu hỏi hôm kia"), "outside the 24-hour window: not answered");
        assertTrue(graph.calls(FakeGraphApi.MESSAGES).stream().noneMatch(to(psid)), "and nothing sent");

        String older = nextUser();
        ObjectNode replayed = textEvent(older, "câu hỏi tuần trước");
        replayed.put("timestamp", System.currentTimeMillis() - Duration.ofDays(7).toMillis());
        assertEquals(HttpStatus.OK, post(delivery(replayed)));
        Thread.sleep(300);
        assertFalse(assistant.asked("câu hỏi tuần trước"), "a replay older than the accepted age is dropped");
    }

    @Test
    void takesAReplayedDeliveryOnce() throws Exception {
        String psid = nextUser();
        String body = delivery(textEvent(psid, "chỉ một lần"));
        post(body);
        post(body);
        graph.await(FakeGraphApi.MESSAGES, to(psid), WAIT);
        Thread.sleep(700);
        assertEquals(1, graph.calls(FakeGraphApi.MESSAGES).stream().filter(to(psid)).count());
    }

    @Test
    void retriesServerErrorsButNotABadToken() throws Exception {
        String flaky = nextUser();
        graph.failNext("500");
        post(delivery(textEvent(flaky, "máy chủ Meta lỗi")));
        List<FakePlatform.Call> attempts = graph.awaitCount(FakeGraphApi.MESSAGES, to(flaky), 2, WAIT);
        assertEquals(attempts.get(0).body(), attempts.get(1).body());

        String denied = nextUser();
        graph.failNext("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}");
        post(delivery(textEvent(denied, "token hỏng")));
        graph.await(FakeGraphApi.MESSAGES, to(denied), WAIT);
        Thread.sleep(1500);
        assertEquals(1, graph.calls(FakeGraphApi.MESSAGES).stream().filter(to(denied)).count(), "190 is final");
    }

    private static Predicate<FakePlatform.Call> to(String psid) {
        return c -> c.json() != null && psid.equals(c.json().path("recipient").path("id").asText());
    }

    private HttpStatus post(String unescapedJson) {
        String escaped = FakeGraphApi.asciiEscaped(unescapedJson);
        return status(request(escaped, FakeGraphApi.sign(APP_SECRET, escaped.getBytes(StandardCharsets.UTF_8))));
    }

    private HttpStatus status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private static HttpRequest<String> request(String body, String signature) {
        var r = HttpRequest.POST("/messenger/webhook", body).contentType(MediaType.APPLICATION_JSON);
        return signature == null ? r : r.header(MessengerWebhookController.SIGNATURE, signature);
    }

    private static String nextUser() {
        return Long.toString(USERS.incrementAndGet());
    }

    private static ObjectNode base(String psid) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("sender").put("id", psid);
        e.putObject("recipient").put("id", PAGE_ID);
        e.put("timestamp", System.currentTimeMillis());
        return e;
    }

    private static ObjectNode textEvent(String psid, String text) {
        ObjectNode e = base(psid);
        e.putObject("message").put("mid", "m_" + System.nanoTime() + "_" + psid).put("text", text);
        return e;
    }

    private static String delivery(ObjectNode... events) {
        ObjectNode root = JSON.createObjectNode().put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject().put("id", PAGE_ID).put("time", System.currentTimeMillis());
        ArrayNode messaging = entry.putArray("messaging");
        for (ObjectNode e : events) {
            messaging.add(e);
        }
        return root.toString();
    }

    @Singleton
    @Primary
    @Requires(property = "hoidap.test.channel-beans", value = "messenger")
    static class MessengerTestAssistant extends RecordingAssistant {
        MessengerTestAssistant(ApplicationEventPublisher<QuestionAnswered> events) {
            super(events);
        }
    }
}

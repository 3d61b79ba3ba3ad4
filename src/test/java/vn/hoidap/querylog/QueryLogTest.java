package vn.hoidap.querylog;

import io.micronaut.core.type.Argument;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLogTest implements TestPropertyProvider {

    @Inject
    Assistant assistant;
    @Inject
    DataSource dataSource;
    @Inject
    FeedbackSink feedbackSink;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("hoidap.querylog.spill-dir", Files.createTempDirectory("querylog-spill").toString(),
                    "hoidap.querylog.flush-millis", "20");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void logsTheRedactedQuestionWithHashedSessionTopicAndTheme() throws Exception {
        String session = "s-" + UUID.randomUUID();
        Answer a = assistant.answer(new Question("Tôi tên là Nguyễn Văn An, số 0912345678, làm VNeID mức 2 ở đâu?",
                session, "web"));
        Map<String, Object> row = awaitRow(a.answerId());
        assertEquals("Tôi tên là [HỌ TÊN], số [SỐ ĐIỆN THOẠI], làm VNeID mức 2 ở đâu?", row.get("question"));
        assertEquals("vneid-dinh-danh", row.get("topic"));
        assertEquals("pho-cap-ky-nang-so", row.get("theme"));
        assertEquals("web", row.get("channel"));
        // Answered since the FAQ covers level-2 VNeID registration (vneid-dang-ky-muc-2); "answered" = NOT fallback.
        assertEquals(Boolean.FALSE, row.get("fallback"));
        assertEquals(Boolean.TRUE, row.get("answered"));
        String hash = (String) row.get("session_hash");
        assertEquals(64, hash.length());
        assertFalse(hash.contains(session));
        assertEquals(sha256(salt() + "\0" + session), hash, "salted SHA-256 with the salt kept in app_setting");
    }

    @Test
    void feedbackGivenWhileTheAnswerIsStillQueuedIsStoredWithIt() throws Exception {
        Answer a = assistant.answer(new Question("Chữ ký số cá nhân đăng ký ở đâu?", "s-" + UUID.randomUUID(), "telegram"));
        // Straight after the answer, before the writer had its 20 ms: the row is (very likely) not written yet.
        assertEquals(FeedbackSink.Result.STORED,
                feedbackSink.record(a.answerId(), false, "Chưa rõ, gọi tôi 0987654321"));
        await(() -> Boolean.FALSE.equals(row(a.answerId()).get("feedback")));
        Map<String, Object> row = row(a.answerId());
        assertEquals("Chưa rõ, gọi tôi [SỐ ĐIỆN THOẠI]", row.get("feedback_comment"));
        assertNotNull(row.get("feedback_at"));
        assertEquals("chu-ky-so", row.get("topic"));
    }

    @Test
    void feedbackForAnAnswerThatNeverExistedIsUnknown() {
        assertEquals(FeedbackSink.Result.UNKNOWN_ANSWER, feedbackSink.record(UUID.randomUUID().toString(), true, null));
        assertEquals(FeedbackSink.Result.UNKNOWN_ANSWER, feedbackSink.record("không-phải-uuid", true, null));
    }

    @Test
    void postFeedbackByLogIdAndBySession() throws Exception {
        String session = "s-" + UUID.randomUUID();
        Answer first = assistant.answer(new Question("Học kỹ năng số ở đâu?", session, "web"));
        Answer second = assistant.answer(new Question("Có mất phí không?", session, "web"));
        awaitRow(first.answerId());

        HttpResponse<Map<String, Object>> byId = post("{\"logId\":\"" + first.answerId() + "\",\"helpful\":true}");
        assertEquals(HttpStatus.OK, byId.getStatus());
        assertEquals(first.answerId(), byId.body().get("logId"));
        await(() -> Boolean.TRUE.equals(row(first.answerId()).get("feedback")));

        HttpResponse<Map<String, Object>> bySession = post("{\"sessionId\":\"" + session
                + "\",\"helpful\":false,\"comment\":\"Chưa đúng ý\"}");
        assertEquals(second.answerId(), bySession.body().get("logId"), "the session's latest answer");
        await(() -> "Chưa đúng ý".equals(row(second.answerId()).get("feedback_comment")));
        assertEquals(Boolean.TRUE, row(first.answerId()).get("feedback"), "the earlier answer keeps its verdict");
    }

    @Test
    void postFeedbackRejectsUnknownIdsWith404AndMalformedRequestsWith400() {
        assertStatus(HttpStatus.NOT_FOUND, "{\"logId\":\"" + UUID.randomUUID() + "\",\"helpful\":true}", "Không tìm thấy");
        assertStatus(HttpStatus.NOT_FOUND, "{\"sessionId\":\"never-seen-" + UUID.randomUUID() + "\",\"helpful\":true}",
                "Không tìm thấy");
        assertStatus(HttpStatus.BAD_REQUEST, "{\"logId\":", "JSON");
        assertStatus(HttpStatus.BAD_REQUEST, "{\"logId\":\"" + UUID.randomUUID() + "\"}", "helpful");
        assertStatus(HttpStatus.BAD_REQUEST, "{\"helpful\":true}", "logId");
        assertStatus(HttpStatus.BAD_REQUEST, "{\"logId\":\"abc\",\"helpful\":true}", "logId");
        assertStatus(HttpStatus.BAD_REQUEST, "{\"logId\":\"" + UUID.randomUUID() + "\",\"helpful\":\"có\"}", "");
    }

    private void assertStatus(HttpStatus status, String body, String messagePart) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post(body));
        assertEquals(status, e.getStatus(), body);
        String error = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow()
                .get("error").toString();
        assertTrue(error.contains(messagePart), error);
    }

    private HttpResponse<Map<String, Object>> post(String json) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/feedback", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> awaitRow(String id) throws Exception {
        await(() -> !row(id).isEmpty());
        return row(id);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private Map<String, Object> row(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM query_log WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> row = new java.util.HashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String salt() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM app_setting WHERE name = ?")) {
            ps.setString(1, SessionHasher.SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "salt kept in app_setting");
                return rs.getString(1);
            }
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

package vn.hoidap.console;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop, end to end through real HTTP and the real assistant, with no restart: a question the corpus
 * cannot answer → the review queue → an FAQ entry published from it → the same question (and a near
 * wording) answered by the new entry; then edited, attached to, hidden, exported.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaqLoopTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-vòng-hỏi-đáp";
    /** A made-up service nobody's plan mentions; the token makes the question unique to this test run. */
    static final String TOKEN = "Kvx" + (System.nanoTime() % 100000);
    static final String QUESTION = "Ứng dụng " + TOKEN + " của bưu điện cấp mã học viên như thế nào?";
    static final String ANSWER = "Ứng dụng " + TOKEN + " cấp mã học viên ngay sau khi bạn đăng ký bằng số điện thoại "
            + "tại bưu điện xã; mã được gửi qua tin nhắn.";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.console.admin-password", PASSWORD, "micronaut.http.client.follow-redirects", "false");
    }

    Map<String, Object> chat(String message) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/chat", Map.of("message", message, "channel", "web")),
                Argument.mapOf(String.class, Object.class));
    }

    <T> HttpResponse<String> admin(io.micronaut.http.MutableHttpRequest<T> request) {
        return new ConsoleClient(client.toBlocking()).exchange(request.basicAuth("admin", PASSWORD));
    }

    @SuppressWarnings("unchecked")
    @Test
    void anUnansweredQuestionBecomesALiveFaqEntryWithoutARestart() throws Exception {
        Map<String, Object> before = chat(QUESTION);
        assertEquals(true, before.get("fallback"), "precondition: the corpus cannot answer " + QUESTION);
        waitForLogRow(TOKEN);

        HttpResponse<String> review = admin(HttpRequest.GET("/api/admin/review"));
        assertEquals(200, review.code());
        Map<String, Object> queue = json.readValue(ConsoleClient.body(review), Argument.mapOf(String.class, Object.class));
        Map<String, Object> group = ((List<Map<String, Object>>) queue.get("groups")).stream()
                .filter(g -> String.valueOf(g.get("question")).contains(TOKEN)).findFirst().orElseThrow(
                        () -> new AssertionError("the question is in the review queue: " + review.body()));
        List<String> keys = (List<String>) group.get("keys");

        HttpResponse<String> created = admin(HttpRequest.POST("/api/admin/faq", Map.of(
                "question", QUESTION, "phrasings", List.of("Lấy mã học viên " + TOKEN + " ở đâu?"), "answer", ANSWER,
                "topic", "hoc-ky-nang-so", "basis", "Thông báo của Bưu điện tỉnh (thử nghiệm)", "audience", "citizen",
                "keys", keys)));
        assertEquals(201, created.code(), created.body());
        String id = (String) json.readValue(ConsoleClient.body(created), Argument.mapOf(String.class, Object.class)).get("id");
        assertNotNull(id);

        Map<String, Object> after = chat(QUESTION);
        assertEquals(false, after.get("fallback"), String.valueOf(after));
        assertTrue(String.valueOf(after.get("answer")).contains("cấp mã học viên ngay sau khi"), String.valueOf(after));
        assertTrue(String.valueOf(chat("Lấy mã học viên " + TOKEN + " ở đâu?").get("answer")).contains("bưu điện xã"));

        // the group left the queue
        assertFalse(ConsoleClient.body(admin(HttpRequest.GET("/api/admin/review"))).contains(TOKEN + " của bưu điện"));

        // an edit is live at once too
        HttpResponse<String> edited = admin(HttpRequest.PUT("/api/admin/faq/" + id, Map.of(
                "question", QUESTION, "phrasings", List.of(), "answer", ANSWER.replace("tin nhắn", "thư điện tử"),
                "topic", "hoc-ky-nang-so", "basis", "Thông báo của Bưu điện tỉnh (thử nghiệm)", "audience", "citizen")));
        assertEquals(200, edited.code(), edited.body());
        assertTrue(String.valueOf(chat(QUESTION).get("answer")).contains("thư điện tử"));

        // exported as corpus/faq YAML
        HttpResponse<String> yaml = admin(HttpRequest.GET("/api/admin/faq/export.yaml"));
        assertTrue(ConsoleClient.body(yaml).contains("id: " + id), ConsoleClient.body(yaml));
        assertTrue(ConsoleClient.body(yaml).contains("thư điện tử"));

        // the audit trail has the before and after
        String audit = ConsoleClient.body(admin(HttpRequest.GET("/api/admin/audit")));
        assertTrue(audit.contains("\"action\":\"faq.update\"") && audit.contains("faq:" + id), audit);

        // deleted: no longer answered
        assertEquals(204, admin(HttpRequest.DELETE("/api/admin/faq/" + id)).code());
        assertFalse(String.valueOf(chat(QUESTION).get("answer")).contains("cấp mã học viên ngay sau khi"));
        assertEquals(404, admin(HttpRequest.PUT("/api/admin/faq/" + id, Map.of("question", QUESTION))).code());
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCommittedEntryIsOverriddenByIdAndHiddenWhenDeleted() throws Exception {
        List<Map<String, Object>> faqs = json.readValue(ConsoleClient.body(admin(HttpRequest.GET("/api/admin/faq"))),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> committed = faqs.stream().filter(f -> !String.valueOf(f.get("id")).startsWith("qt-"))
                .findFirst().orElseThrow();
        String id = (String) committed.get("id");
        String question = (String) committed.get("question");
        String marker = "Bản sửa " + TOKEN + ": " + committed.get("answer");
        HttpResponse<String> r = admin(HttpRequest.PUT("/api/admin/faq/" + id, Map.of("question", question,
                "phrasings", committed.get("alternates"), "answer", marker, "topic", committed.get("topic"),
                "basis", committed.get("basis"), "audience", committed.get("audience"))));
        assertEquals(200, r.code(), r.body());
        assertTrue(String.valueOf(chat(question).get("answer")).contains("Bản sửa " + TOKEN), "the override is answered");
        assertEquals(204, admin(HttpRequest.DELETE("/api/admin/faq/" + id)).code());
        assertFalse(String.valueOf(chat(question).get("answer")).contains("Bản sửa " + TOKEN));
        assertFalse(ConsoleClient.body(admin(HttpRequest.GET("/api/admin/faq"))).contains("\"id\":\"" + id + "\""),
                "hidden from the list");
        // restore it for the other tests of the run (a new version brings it back)
        assertEquals(404, admin(HttpRequest.PUT("/api/admin/faq/" + id, Map.of("question", question))).code());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM faq_version WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void theLoopWorksThroughThePagesToo() throws Exception {
        String token = "Pgx" + (System.nanoTime() % 100000);
        // a wording unlike the other test's, so neither test's published entry answers the other's question
        String question = "Phần mềm " + token + " tra cứu điểm thi nghề ở hợp tác xã có thu phí không?";
        assertEquals(true, chat(question).get("fallback"));
        // another unanswered question stays queued throughout, as in real use (and in a full test run)
        String other = "Trạm " + token + "Q phát sóng radio nông nghiệp lúc mấy giờ?";
        assertEquals(true, chat(other).get("fallback"));
        waitForLogRow(token);
        waitForLogRow(token + "Q");
        ConsoleClient b = new ConsoleClient(client.toBlocking());
        assertEquals(3, b.signIn("admin", PASSWORD).code() / 100);
        HttpResponse<String> queue = b.get("/quan-tri/hang-doi");
        assertEquals(200, queue.code(), ConsoleClient.body(queue));
        assertTrue(queued(ConsoleClient.body(queue), question), "the question is listed as a group");
        HttpResponse<String> editor = b.get("/quan-tri/hoi-dap?tu=" + java.net.URLEncoder.encode(question, "UTF-8")
                + "&khoa=" + java.net.URLEncoder.encode(vn.hoidap.querylog.QuestionKey.of(question), "UTF-8"));
        assertEquals(200, editor.code(), ConsoleClient.body(editor));
        Map<String, String> form = new java.util.HashMap<>(Map.of("question", question, "phrasings", "",
                "answer", "Phần mềm " + token + " miễn phí; kết quả được gửi qua tin nhắn sau khi tra cứu.",
                "topic", "hoc-ky-nang-so", "basis", "Thông báo thử nghiệm", "audience", "citizen",
                "keys", vn.hoidap.querylog.QuestionKey.of(question)));
        assertEquals(403, b.postForm("/quan-tri/hoi-dap", form).code(), "no CSRF field: refused");
        form.put("_csrf", b.csrf);
        HttpResponse<String> saved = b.postForm("/quan-tri/hoi-dap", form);
        assertEquals(303, saved.code(), ConsoleClient.body(saved));
        // checked before asking again: a later asking that still ends in a fallback rightly re-enters the queue
        // a group's heading or wordings, not the page: the new entry itself is rightly offered in every group's
        // "attach to an existing question" list once another group is queued (as in a full test run)
        String after = ConsoleClient.body(b.get("/quan-tri/hang-doi"));
        assertFalse(queued(after, question), "it left the queue");
        assertTrue(queued(after, other), "the other question is still queued");
        assertTrue(String.valueOf(chat(question).get("answer")).contains("được gửi qua tin nhắn"));
    }

    @Test
    void badDraftsAreClearVietnamese400s() {
        HttpResponse<String> r = admin(HttpRequest.POST("/api/admin/faq", Map.of("question", "Hỏi gì đó ở đây?",
                "answer", "Một câu trả lời đủ dài.", "topic", "khong-co-chu-de-nay", "basis", "Nguồn")));
        assertEquals(400, r.code());
        assertTrue(ConsoleClient.body(r).contains("Chủ đề không hợp lệ"), r.body());
        assertEquals(400, admin(HttpRequest.POST("/api/admin/review/decision", Map.of("keys", List.of("x"),
                "decision", "xoa-het"))).code());
        assertEquals(400, admin(HttpRequest.GET("/api/admin/review?days=abc")).code());
    }

    /** Whether the question heads a review group or is one of a group's wordings on the queue page. */
    private static boolean queued(String page, String question) {
        return page.contains("<h2>" + question + "</h2>") || page.contains("<li>" + question + "</li>");
    }

    private void waitForLogRow(String token) throws Exception {
        // the query log is written off the request path: wait (bounded) until the row is there
        for (int i = 0; i < 300; i++) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM query_log WHERE question LIKE ?")) {
                ps.setString(1, "%" + token + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the question never reached the query log");
    }
}

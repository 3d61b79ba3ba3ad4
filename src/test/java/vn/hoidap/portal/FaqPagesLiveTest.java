package vn.hoidap.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FAQ pages show what the assistant answers from: an entry published in the console appears on /hoi-dap and
 * on its topic's page at once, an edit shows its new answer, and a deleted entry is gone; no restart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaqPagesLiveTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-trang-hỏi-đáp";
    /** The token makes the entry unique to this run (the embedded database is shared by the whole suite). */
    static final String TOKEN = "Fpl" + (System.nanoTime() % 100000);
    static final String TOPIC = "hoc-ky-nang-so";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        // a save rebuilds the search index before it answers: seconds, more on a loaded machine
        return Map.of("hoidap.console.admin-password", PASSWORD, "micronaut.http.client.read-timeout", "120s");
    }

    @Test
    void aPublishedEntryIsOnTheFaqPagesAtOnceWithItsEditsAndGoneWhenDeleted() {
        String question = "Lớp " + TOKEN + " dạy dùng ví điện tử cho người cao tuổi ở đâu?";
        String answer = "Lớp " + TOKEN + " mở tại nhà văn hóa thôn vào tối thứ Bảy; đăng ký với tổ công nghệ số cộng đồng.";
        assertFalse(page("/hoi-dap").contains(TOKEN), "precondition: not on the page yet");

        HttpResponse<Map<String, Object>> created = client.toBlocking().exchange(HttpRequest.POST("/api/admin/faq", Map.of(
                "question", question, "phrasings", List.of("Học dùng ví điện tử " + TOKEN + " ở đâu?"), "answer", answer,
                "topic", TOPIC, "basis", "Thông báo của tổ công nghệ số cộng đồng (thử nghiệm)", "audience", "citizen"))
                .basicAuth("admin", PASSWORD), Argument.mapOf(String.class, Object.class));
        assertEquals(201, created.code());
        String id = String.valueOf(created.body().get("id"));
        assertNotNull(id);
        try {
            String all = page("/hoi-dap");
            assertTrue(all.contains("id=\"" + id + "\"") && all.contains(question) && all.contains("mở tại nhà văn hóa thôn"),
                    "the new entry is on /hoi-dap, linkable by its id");
            String topic = page("/hoi-dap/" + TOPIC);
            assertTrue(topic.contains("href=\"#" + id + "\"") && topic.contains("id=\"" + id + "\""),
                    "listed in its topic's contents and shown there");

            client.toBlocking().exchange(HttpRequest.PUT("/api/admin/faq/" + id, Map.of(
                    "question", question, "phrasings", List.of(), "answer", answer.replace("tối thứ Bảy", "sáng Chủ nhật"),
                    "topic", TOPIC, "basis", "Thông báo của tổ công nghệ số cộng đồng (thử nghiệm)", "audience", "citizen"))
                    .basicAuth("admin", PASSWORD), String.class);
            String edited = page("/hoi-dap/" + TOPIC);
            assertTrue(edited.contains("sáng Chủ nhật") && !edited.contains("tối thứ Bảy"), "the edit is shown");
        } finally {
            client.toBlocking().exchange(HttpRequest.DELETE("/api/admin/faq/" + id).basicAuth("admin", PASSWORD), String.class);
        }
        assertFalse(page("/hoi-dap").contains(TOKEN), "a deleted entry is gone");
        assertFalse(page("/hoi-dap/" + TOPIC).contains(TOKEN));
    }

    private String page(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).accept(MediaType.TEXT_HTML), String.class);
    }
}

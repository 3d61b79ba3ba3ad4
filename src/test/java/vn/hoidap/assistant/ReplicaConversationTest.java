package vn.hoidap.assistant;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two instances on the one PostgreSQL, as behind a load balancer: a conversation whose turns alternate
 * between them is answered exactly as the same conversation held on one instance, and its follow-ups are
 * not answered as if the conversation had started over.
 */
class ReplicaConversationTest {

    private static EmbeddedServer first;
    private static EmbeddedServer second;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        first = ApplicationContext.run(EmbeddedServer.class, "test");
        second = ApplicationContext.run(EmbeddedServer.class, "test");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void theDialogueStateIsSharedThroughTheDatabase() {
        assertInstanceOf(SharedDialogueStateStore.class, first.getApplicationContext().getBean(DialogueStateStore.class));
    }

    @Test
    void followUpsAnsweredByTheOtherInstanceKeepTheirContext() throws Exception {
        List<List<String>> conversations = List.of(
                List.of("Mục tiêu đến năm 2025 của Đồng Nai về dịch vụ công trực tuyến là gì?", "Còn năm 2030?"),
                List.of("Ai chủ trì nhiệm vụ bồi dưỡng kỹ năng số cho cán bộ ở Thanh Hóa?", "vậy ai phối hợp?",
                        "làm trong bao lâu?"),
                List.of("Sở Giáo dục và Đào tạo Bình Định chủ trì nhiệm vụ gì?", "Còn ở Đồng Nai thì sao?"));
        for (List<String> turns : conversations) {
            String alone = UUID.randomUUID().toString();
            String split = UUID.randomUUID().toString();
            for (int i = 0; i < turns.size(); i++) {
                String onOne = answer(first, alone, turns.get(i));
                String alternating = answer(i % 2 == 0 ? first : second, split, turns.get(i));
                assertEquals(onOne, alternating, "turn " + (i + 1) + " of " + turns);
                if (i > 0) {
                    String fresh = answer(second, UUID.randomUUID().toString(), turns.get(i));
                    assertNotEquals(fresh, alternating, "the follow-up used its conversation: " + turns.get(i));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private String answer(EmbeddedServer server, String session, String message) throws Exception {
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        String body = json.writeValueAsString(Map.of("message", message, "sessionId", session, "channel", "eval"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/chat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> reply = json.readValue(r.body(), Map.class);
        return reply.get("answer") + " | fallback=" + reply.get("fallback");
    }
}

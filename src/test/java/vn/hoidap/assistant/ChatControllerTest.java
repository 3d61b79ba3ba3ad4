package vn.hoidap.assistant;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ChatControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"message\": \"\"}", "{\"message\": \"   \\n\\t \"}", "{\"message\": null}",
            "{\"message\": 42}", "{\"message\": [\"a\"]}", "{\"message\": \"hỏi\", \"sessionId\": \"<script>\"}",
            "{broken", "null", "[]", "\"text\""})
    void rejectsMalformedOrEmptyRequestsWithAVietnameseError(String body) {
        Map<String, Object> error = badRequest(HttpRequest.POST("/api/chat", body).contentType(MediaType.APPLICATION_JSON));
        assertTrue(isVietnamese((String) error.get("error")), "Vietnamese message: " + error);
    }

    @Test
    void rejectsTooLongMessages() {
        String body = "{\"message\": \"" + "a".repeat(1001) + "\"}";
        Map<String, Object> error = badRequest(HttpRequest.POST("/api/chat", body).contentType(MediaType.APPLICATION_JSON));
        assertTrue(((String) error.get("error")).contains("1000"), error.toString());
    }

    @Test
    void acceptsAMessageAtTheLimit() {
        HttpResponse<Map> r = client.toBlocking().exchange(HttpRequest.POST("/api/chat",
                Map.of("message", "đ".repeat(1000))), Map.class);
        assertEquals(HttpStatus.OK, r.getStatus());
    }

    @Test
    void rejectsWrongContentType() {
        Map<String, Object> error = badRequest(HttpRequest.POST("/api/chat", "message=xin chao")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertTrue(((String) error.get("error")).contains("JSON"), error.toString());
        badRequest(HttpRequest.POST("/api/chat", "{\"message\":\"xin chào\"}").contentType(MediaType.TEXT_PLAIN));
    }

    @Test
    void rejectsBinaryBodies() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0x80};
        badRequest(HttpRequest.POST("/api/chat", binary).contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void answersWithTheContractShapeAndKeepsTheSession() {
        Map<String, Object> first = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "xin chào")), Argument.mapOf(String.class, Object.class));
        for (String key : new String[] {"sessionId", "answer", "intent", "confidence", "fallback", "sources", "suggestions"}) {
            assertTrue(first.containsKey(key), "has " + key + ": " + first);
        }
        String sessionId = (String) first.get("sessionId");
        assertNotNull(sessionId);
        Map<String, Object> second = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "cảm ơn", "sessionId", sessionId, "channel", "web")), Argument.mapOf(String.class, Object.class));
        assertEquals(sessionId, second.get("sessionId"));
    }

    @Test
    void aFollowUpOnTheSessionTheServerMadeKeepsItsContext() {
        // the first question carries no session: the server makes one (and skips reading a store that cannot
        // hold it) but must still remember the turn under it
        Map<String, Object> first = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "Sở Nội vụ Bình Định chủ trì nhiệm vụ gì?")), Argument.mapOf(String.class, Object.class));
        String sessionId = (String) first.get("sessionId");
        Map<String, Object> followUp = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "còn Sở Tài chính thì sao?", "sessionId", sessionId)), Argument.mapOf(String.class, Object.class));
        Map<String, Object> alone = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "còn Sở Tài chính thì sao?")), Argument.mapOf(String.class, Object.class));
        String answer = String.valueOf(followUp.get("answer"));
        assertTrue(answer.contains("Bình Định") && answer.contains("Sở Tài chính"), answer);
        assertFalse(String.valueOf(alone.get("answer")).equals(answer), "without the session the follow-up has no context");
    }

    @Test
    void hostileTextIsJustAQuestion() {
        for (String m : new String[] {"'; DROP TABLE query_log; --", "<script>alert(1)</script>", "\"AND\" OR NOT *?~:\\/",
                "😀🇻🇳 chuyển đổi số", "\u0000\u0007 kiểm tra", "(((( [[[ {{{"}) {
            HttpResponse<Map> r = client.toBlocking().exchange(HttpRequest.POST("/api/chat", Map.of("message", m)), Map.class);
            assertEquals(HttpStatus.OK, r.getStatus(), m);
        }
    }

    @Test
    void unknownRoutesAnswerAJsonErrorInVietnamese() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/khong-co"), Argument.of(Map.class), Argument.of(Map.class)));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertFalse(((String) body.get("error")).isBlank());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> badRequest(HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        return e.getResponse().getBody(Map.class).orElseThrow();
    }

    private static boolean isVietnamese(String s) {
        return s != null && s.matches("(?s).*[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ].*");
    }
}

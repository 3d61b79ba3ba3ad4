package vn.hoidap.querylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A question PostgreSQL could not store as typed (a NUL byte) is stored cleaned, and never blocks the next. */
@MicronautTest
class HostileQuestionsAreLoggedTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JdbcOperations jdbc;

    @Test
    void controlCharactersAreRemovedAndLaterQuestionsStillArrive() throws InterruptedException {
        String session = "hostile-" + UUID.randomUUID();
        Map<?, ?> first = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "\u0000\u0007 kiểm tra dịch vụ công", "sessionId", session)), Map.class);
        Map<?, ?> second = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("message", "xin chào", "sessionId", session)), Map.class);
        String stored = awaitQuestion((String) first.get("answerId"));
        assertFalse(stored.contains("\u0000") || stored.contains("\u0007"), stored);
        assertEquals("kiểm tra dịch vụ công", stored.strip());
        assertEquals("xin chào", awaitQuestion((String) second.get("answerId")));
    }

    private String awaitQuestion(String answerId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String q = jdbc.execute(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT question FROM query_log WHERE id = ?")) {
                    s.setObject(1, UUID.fromString(answerId));
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            if (q != null) {
                return q;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("question " + answerId + " never reached query_log");
    }
}

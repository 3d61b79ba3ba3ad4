package vn.hoidap.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL share the limits: requests alternate between them and the limit is
 * reached on the combined count, with a Vietnamese 429 and {@code Retry-After}.
 */
class RateLimitTest {

    private static EmbeddedServer first;
    private static EmbeddedServer second;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Map<String, Object> props = Map.of(
                "hoidap.rate-limit.enabled", true,
                "hoidap.rate-limit.per-address", 6,
                "hoidap.rate-limit.per-session", 3,
                // A long window: the test never straddles two windows however slow the machine is.
                "hoidap.rate-limit.window", "1h",
                // Each test gets its own client address through the header, so tests do not share counts.
                "micronaut.server.client-address-header", "X-Forwarded-For");
        first = ApplicationContext.run(EmbeddedServer.class, props, "test");
        second = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private HttpResponse<String> search(EmbeddedServer server, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/search?q="
                        + URLEncoder.encode("chữ ký số", StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(EmbeddedServer server, String address, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/chat"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\",\"sessionId\":\"" + session + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void perAddressLimitHoldsAcrossInstances() throws Exception {
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = search(i % 2 == 0 ? first : second, address);
            assertEquals(200, r.statusCode(), "request " + i + ": " + r.body());
        }
        HttpResponse<String> refused = search(first, address);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("quá nhiều yêu cầu"), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(429, search(second, address).statusCode(), "the other instance refuses too");
        assertEquals(200, search(second, "203.0.113.9").statusCode(), "another address is not affected");
    }

    @Test
    void perSessionLimitHoldsAcrossInstancesAndAddresses() throws Exception {
        String session = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = chat(i % 2 == 0 ? first : second, "192.0.2." + (10 + i), session);
            assertEquals(200, r.statusCode(), r.body());
        }
        HttpResponse<String> refused = chat(second, "192.0.2.99", session);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("phiên"), refused.body());
        assertEquals(200, chat(first, "192.0.2.98", UUID.randomUUID().toString()).statusCode());
    }
}

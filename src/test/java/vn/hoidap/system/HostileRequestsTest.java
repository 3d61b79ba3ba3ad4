package vn.hoidap.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each request that answered 500 in issue 16's probe, replayed: every one now gets a Vietnamese 4xx with
 * the {@code {"error": …}} body.
 */
@MicronautTest
@Property(name = "hoidap.console.admin-password", value = HostileRequestsTest.PASSWORD)
class HostileRequestsTest {

    static final String PASSWORD = "hostile-test-secret";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getPort() + pathAndQuery);
    }

    private static void assertVietnamese4xx(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"error\":\""), r.body());
        assertTrue(r.body().matches("(?s).*[àáảãạăâđèéêìíòóôơùúưỳýạ].*"), "Vietnamese message: " + r.body());
    }

    @Test
    void searchWithHundredsOfTermsIsABadRequest() throws Exception {
        StringBuilder commas = new StringBuilder();
        StringBuilder repeated = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            commas.append("từ").append(i).append(',');
            repeated.append("chuyển đổi số ");
        }
        for (String q : new String[] {commas.toString(), repeated.toString()}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + " " + r.body());
            if (r.statusCode() == 400) {
                assertVietnamese4xx(400, r);
            }
        }
    }

    @Test
    void bogusCharsetIsABadRequest() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json; charset=bogus-xx")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\"}")));
        assertVietnamese4xx(400, r);
    }

    @Test
    void gzipHeaderWithAPlainBodyIsABadRequest() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\"}")));
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.body().startsWith("{\"error\":\""), r.body());
    }

    @Test
    void aRealGzipBodyIsStillAnswered() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"message\":\"Xin chào\"}".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void unknownContentEncodingIsRefused() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "zstd-bogus")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\"}")));
        assertVietnamese4xx(415, r);
    }

    @Test
    void nulInAnInsightsParameterIsABadRequest() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String path : new String[] {"/api/insights/volume?province=%00", "/api/insights/topics?province=a%00b",
                "/api/search?q=%00", "/api/insights/questions?channel=%00"}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", auth).GET());
            assertVietnamese4xx(400, r);
        }
    }

    @Test
    void luceneClauseLimitIsABadRequest() throws Exception {
        assertVietnamese4xx(400, send(HttpRequest.newBuilder(uri("/test-only/fail/clauses")).GET()));
    }

    @Test
    void databaseOutageIsServiceUnavailableWithRetryAfter() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/test-only/fail/database")).GET());
        assertVietnamese4xx(503, r);
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
}

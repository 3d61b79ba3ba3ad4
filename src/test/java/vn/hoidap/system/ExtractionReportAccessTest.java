package vn.hoidap.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/extraction-report} names the corpus's files and the extractor's warnings: the operator reads
 * it (admin's Basic), anonymous callers get 401 without any of its content.
 */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "hoidap.console.admin-password", value = ExtractionReportAccessTest.PASSWORD)
class ExtractionReportAccessTest {

    static final String PASSWORD = "extraction-access-secret";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void onlyTheAdminReadsTheExtractionReport() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/extraction-report")));
        assertEquals(401, anonymous.getStatus().getCode());
        String refused = anonymous.getResponse().getBody(String.class).orElse("");
        assertFalse(refused.contains("planId") || refused.contains("warnings"), refused);
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/extraction-report").basicAuth("admin", "nope")));
        assertEquals(401, wrong.getStatus().getCode());
        String report = client.toBlocking().retrieve(HttpRequest.GET("/api/extraction-report").basicAuth("admin", PASSWORD));
        assertTrue(report.contains("\"planId\""), report);
    }
}

package vn.hoidap.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a few requests, /prometheus shows the HTTP, answer, query-log, limit and JVM metrics. */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "hoidap.console.admin-password", value = PrometheusTest.PASSWORD)
class PrometheusTest {

    static final String PASSWORD = "prometheus-test-secret";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void metricsAfterSomeQuestions() {
        for (int i = 0; i < 3; i++) {
            client.toBlocking().exchange(HttpRequest.POST("/api/chat", "{\"message\":\"Chữ ký số là gì?\"}")
                    .contentType(MediaType.APPLICATION_JSON), String.class);
        }
        // Metrics are for the operator: anonymous callers are refused, the admin (a scraper's Basic) reads them.
        io.micronaut.http.client.exceptions.HttpClientResponseException anonymous = org.junit.jupiter.api.Assertions.assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/prometheus")));
        assertTrue(anonymous.getStatus().getCode() == 401, "anonymous /prometheus: " + anonymous.getStatus());
        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus").basicAuth("admin", PASSWORD));
        for (String name : new String[] {"http_server_requests_seconds_bucket", "uri=\"/api/chat\"",
                "hoidap_answers_total{", "fallback=", "intent=", "hoidap_answer_latency_seconds_bucket",
                "hoidap_querylog_queue_depth", "hoidap_querylog_spill_bytes", "hoidap_querylog_write_failures_total",
                "hoidap_querylog_lost_total", "hoidap_http_bodies_refused_total", "hoidap_database_up",
                "jvm_memory_used_bytes", "hikaricp_connections"}) {
            assertTrue(metrics.contains(name), "/prometheus shows " + name);
        }
    }
}

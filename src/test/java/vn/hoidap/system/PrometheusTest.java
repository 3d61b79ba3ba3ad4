package vn.hoidap.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a small load run (chats, a search), /prometheus — read with the admin's Basic, as a scraper does —
 * shows what an operator watches: HTTP latency per route, answers by intent and fallback, answer latency,
 * the query log's queue, spill and losses, the index's size and build time, the shared state's breaker and
 * the database, JVM and pool gauges; and the counters moved by the load itself.
 */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "hoidap.console.admin-password", value = PrometheusTest.PASSWORD)
class PrometheusTest {

    static final String PASSWORD = "prometheus-test-secret";
    private static final int CHATS = 5;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void metricsAfterSomeQuestions() {
        double answersBefore = sum(scrape(), "hoidap_answers_total");
        double chatsBefore = sum(scrape(), "http_server_requests_seconds_count\\{[^}]*uri=\"/api/chat\"");
        for (int i = 0; i < CHATS; i++) {
            client.toBlocking().exchange(HttpRequest.POST("/api/chat", "{\"message\":\"Chữ ký số là gì? " + i + "\"}")
                    .contentType(MediaType.APPLICATION_JSON), String.class);
        }
        client.toBlocking().exchange(HttpRequest.GET("/api/search?q=chuyen%20doi%20so"), String.class);
        // Metrics are for the operator: anonymous callers are refused.
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/prometheus")));
        assertEquals(401, anonymous.getStatus().getCode(), "anonymous /prometheus");
        String metrics = scrape();
        for (String name : new String[] {"http_server_requests_seconds_bucket", "uri=\"/api/chat\"", "uri=\"/api/search\"",
                "hoidap_answers_total{", "fallback=", "intent=", "hoidap_answer_latency_seconds_bucket",
                "hoidap_querylog_queue_depth", "hoidap_querylog_held", "hoidap_querylog_spill_bytes",
                "hoidap_querylog_spill_writable", "hoidap_querylog_written_total", "hoidap_querylog_spilled_total",
                "hoidap_querylog_write_failures_total", "hoidap_querylog_lost_total", "hoidap_http_bodies_refused_total",
                "hoidap_database_up", "hoidap_state_breaker_open", "hoidap_state_fallbacks_total",
                "hoidap_index_documents", "hoidap_index_size_bytes", "hoidap_index_build_last_seconds",
                "hoidap_index_rebuild_seconds_count", "hoidap_index_rebuild_seconds_sum",
                "jvm_memory_used_bytes", "hikaricp_connections"}) {
            assertTrue(metrics.contains(name), "/prometheus shows " + name);
        }
        // The load run moved the counters; the gauges describe a healthy instance.
        assertTrue(sum(metrics, "hoidap_answers_total") >= answersBefore + CHATS, "answers counted");
        assertTrue(sum(metrics, "http_server_requests_seconds_count\\{[^}]*uri=\"/api/chat\"") >= chatsBefore + CHATS,
                "chat requests timed per route");
        assertTrue(sum(metrics, "hoidap_answer_latency_seconds_count") >= CHATS, "answer latency recorded");
        assertTrue(sum(metrics, "hoidap_index_documents") > 100, "the index's size");
        assertTrue(sum(metrics, "hoidap_index_rebuild_seconds_count") >= 1, "index builds timed");
        assertTrue(sum(metrics, "hoidap_index_size_bytes") > 0, "index bytes");
        assertEquals(0, sum(metrics, "hoidap_state_breaker_open"), "breaker closed with the database up");
        assertEquals(1, sum(metrics, "hoidap_database_up"), "database up");
        // Every series the sample Grafana dashboard plots exists, except counters born with their first event.
        java.util.Set<String> bornOnFirstEvent = java.util.Set.of("hoidap_channel_sends_total", "hoidap_http_rate_limited_total");
        Matcher names = Pattern.compile("\\b((?:hoidap|http|jvm|hikaricp)_[a-z_]+)").matcher(grafana());
        int plotted = 0;
        while (names.find()) {
            plotted++;
            String name = names.group(1).replaceAll("_(bucket|count|sum)$", "");
            assertTrue(bornOnFirstEvent.contains(name) || metrics.contains("\n" + name), "Grafana plots " + name);
        }
        assertTrue(plotted >= 10, "the dashboard's queries were read: " + plotted);
    }

    private static String grafana() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("deploy/grafana/hoidap-dashboard.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String scrape() {
        return client.toBlocking().retrieve(HttpRequest.GET("/prometheus").basicAuth("admin", PASSWORD));
    }

    /** The sum of every sample whose line starts with {@code prefix} (a regular expression). */
    private static double sum(String metrics, String prefix) {
        Matcher m = Pattern.compile("(?m)^" + prefix + "[^\\n]*? ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}

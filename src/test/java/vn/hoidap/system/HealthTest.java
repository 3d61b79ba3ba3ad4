package vn.hoidap.system;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithDatabaseAndCorpusDetails() {
        Map<String, Object> body = client.toBlocking()
                .retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", body.get("status"));
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        Map<String, Object> jdbc = (Map<String, Object>) details.get("jdbc");
        assertEquals("UP", jdbc.get("status"));
        Map<String, Object> corpus = (Map<String, Object>) details.get("corpus");
        assertEquals("UP", corpus.get("status"));
        Map<String, Object> corpusDetails = (Map<String, Object>) corpus.get("details");
        assertEquals(vn.hoidap.corpus.CorpusCount.plans(), ((Number) corpusDetails.get("plans")).intValue());
        assertTrue(details.toString().contains("PostgreSQL"), "jdbc details name the server: " + jdbc);
    }
}

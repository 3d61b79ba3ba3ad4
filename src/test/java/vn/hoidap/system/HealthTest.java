package vn.hoidap.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous {@code /health} is UP/DOWN and nothing else (issue 16: it printed the datasource URL with its
 * password, the user, the server version and disk figures); the admin sees the details.
 */
@MicronautTest
@Property(name = "hoidap.console.admin-password", value = HealthTest.PASSWORD)
class HealthTest {

    static final String PASSWORD = "health-test-secret";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anonymousHealthSaysOnlyUpOrDown() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        String body = response.body();
        assertEquals("{\"status\":\"UP\"}", body.replace(" ", ""), body);
        for (String secret : new String[] {"jdbc", "postgres", "PostgreSQL", "password", "user", "/tmp", "free", "total"}) {
            assertFalse(body.contains(secret), "anonymous /health reveals '" + secret + "': " + body);
        }
    }

    @Test
    void wrongCredentialsSeeNoMoreThanAnonymous() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/health").basicAuth("admin", "wrong"));
        assertFalse(body.contains("details"), body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminSeesDatabaseCorpusAndQueryLogDetailsWithoutThePassword() {
        HttpResponse<String> raw = client.toBlocking().exchange(
                HttpRequest.GET("/health").basicAuth("admin", PASSWORD), String.class);
        assertFalse(raw.body().contains(System.getProperty("datasources.default.url")), raw.body());
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET("/health").basicAuth("admin", PASSWORD),
                Argument.mapOf(String.class, Object.class));
        assertEquals("UP", body.get("status"));
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        Map<String, Object> database = (Map<String, Object>) details.get("database");
        assertEquals("UP", database.get("status"));
        assertTrue(String.valueOf(database.get("details")).contains("PostgreSQL"), "database details: " + database);
        Map<String, Object> corpus = (Map<String, Object>) details.get("corpus");
        assertEquals(vn.hoidap.corpus.CorpusCount.plans(), ((Number) ((Map<String, Object>) corpus.get("details")).get("plans")).intValue());
        assertTrue(details.containsKey("queryLog"), "query log backlog in the details: " + details.keySet());
    }

    @Test
    void livenessAndReadinessAreSeparateProbes() {
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/health/liveness"), String.class).code());
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class).code());
    }
}

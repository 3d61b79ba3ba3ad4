package vn.hoidap.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's view while PostgreSQL is down: HTTP Basic needs the user table, the scrape token does not.
 * The service runs on its own embedded PostgreSQL, which the test stops before scraping.
 */
class MetricsTokenTest {

    private static final String TOKEN = "scrape-" + java.util.UUID.randomUUID();

    @TempDir
    static Path tmp;

    private static EmbeddedPostgres pg;
    private static EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startThenStopTheDatabase() throws Exception {
        pg = DatabaseBootstrap.startEmbedded(tmp.resolve("pg"));
        Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
        props.put("hoidap.querylog.spill-dir", tmp.resolve("spill").toString());
        props.put("datasources.default.connection-timeout", "1000");
        props.put("hoidap.metrics.token", TOKEN);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        pg.close();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Accept", "text/plain");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theScrapeTokenReadsTheMetricsWithTheDatabaseDown() throws Exception {
        HttpResponse<String> r = get("/prometheus", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        // the database check runs in the background: wait (bounded) until it has seen the outage
        for (int i = 0; i < 600 && !r.body().contains("hoidap_database_up 0.0"); i++) {
            Thread.sleep(100);
            r = get("/prometheus", "Bearer " + TOKEN);
            assertEquals(200, r.statusCode(), r.body());
        }
        assertTrue(r.body().contains("hoidap_querylog_spill_bytes"), "the spill gauges are there");
        assertTrue(r.body().contains("hoidap_querylog_spill_writable"), "the spill gauges are there");
        assertTrue(r.body().contains("hoidap_database_up 0.0"), "and they show the outage");
    }

    @Test
    void aWrongTokenOrNoneIsRefused() throws Exception {
        assertEquals(401, get("/prometheus", "Bearer " + TOKEN + "x").statusCode());
        assertEquals(401, get("/prometheus", "Bearer ").statusCode());
        assertEquals(401, get("/prometheus", null).statusCode());
    }

    @Test
    void theTokenSeesTheHealthDetailsAnonymousCallersDoNot() throws Exception {
        HttpResponse<String> withToken = get("/health", "Bearer " + TOKEN);
        for (int i = 0; i < 600 && withToken.statusCode() != 503; i++) {
            Thread.sleep(100);
            withToken = get("/health", "Bearer " + TOKEN);
        }
        assertEquals(503, withToken.statusCode(), "the database is down: " + withToken.body());
        assertTrue(withToken.body().contains("details"), withToken.body());
        HttpResponse<String> anonymous = get("/health", null);
        assertFalse(anonymous.body().contains("details"), anonymous.body());
    }
}

package vn.hoidap.console;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.portal.BrowserSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the Playwright + axe-core browser tests of the console ({@code src/test/browser/console.spec.mjs}) against
 * this test's server: the sign-in form (a wrong password shows the Vietnamese error), the dashboard, the review
 * queue and the FAQ editor with 0 WCAG 2.1 A/AA violations at phone and desktop sizes, publishing an entry from a
 * queued question (then on the portal's FAQ page and answered), and signing out. See {@link BrowserSpec}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-trình-duyệt-" + UUID.randomUUID().toString().substring(0, 8);
    /** Makes this run's question its own: the embedded database is shared by the whole suite. */
    static final String TOKEN = "Cbt" + (System.nanoTime() % 100000);
    static final Duration BOUND = Duration.ofMinutes(30);

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.host", "127.0.0.1", "hoidap.console.admin-password", PASSWORD);
    }

    @Test
    void signInDashboardReviewQueueAndFaqEditorWorkAndAreAccessibleAtPhoneAndDesktopSizes() throws Exception {
        BrowserSpec.run("console.spec.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + server.getPort(),
                "ADMIN_PASSWORD", PASSWORD, "TOKEN", TOKEN), BOUND);
    }

    /** The entry the spec published is removed, so later tests of the run do not meet it. */
    @AfterAll
    void removeThePublishedEntry() {
        List<Map<String, Object>> faqs = client.toBlocking().retrieve(HttpRequest.GET("/api/admin/faq").basicAuth("admin", PASSWORD),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        for (Map<String, Object> f : faqs) {
            if (String.valueOf(f.get("question")).contains(TOKEN)) {
                client.toBlocking().exchange(HttpRequest.DELETE("/api/admin/faq/" + f.get("id")).basicAuth("admin", PASSWORD));
            }
        }
    }
}

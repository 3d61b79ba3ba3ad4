package vn.hoidap.portal;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Personal responses are never cached: a browser showed the dashboard again after signing out, and the review
 * queue as it was before a group was dealt with, because console pages came with the portal's public caching.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateResponsesCacheTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-bộ-nhớ-đệm";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.console.admin-password", PASSWORD, "micronaut.http.client.follow-redirects", "false");
    }

    @Test
    void consolePagesAndAnswersToCredentialsAreNotStored() {
        for (String path : new String[] {"/quan-tri", "/quan-tri/hang-doi", "/quan-tri/hoi-dap", "/quan-tri/bao-cao"}) {
            HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML)
                    .basicAuth("admin", PASSWORD), String.class);
            assertEquals(200, r.code(), path);
            assertEquals("no-store", r.header(HttpHeaders.CACHE_CONTROL), path);
        }
        HttpResponse<String> api = client.toBlocking().exchange(HttpRequest.GET("/api/admin/review").basicAuth("admin", PASSWORD), String.class);
        assertEquals("no-store", api.header(HttpHeaders.CACHE_CONTROL), "an API answer to credentials");
    }

    @Test
    void theSignInFormSettingItsCsrfCookieIsNotStoredButPublicPagesStillAre() {
        HttpResponse<String> login = client.toBlocking().exchange(HttpRequest.GET("/quan-tri/dang-nhap").accept(MediaType.TEXT_HTML), String.class);
        assertEquals(200, login.code());
        assertEquals("no-store", login.header(HttpHeaders.CACHE_CONTROL));
        HttpResponse<String> faq = client.toBlocking().exchange(HttpRequest.GET("/hoi-dap").accept(MediaType.TEXT_HTML), String.class);
        assertEquals("public, max-age=300", faq.header(HttpHeaders.CACHE_CONTROL), "the portal's public pages keep their caching");
    }
}

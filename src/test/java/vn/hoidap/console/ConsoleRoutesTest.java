package vn.hoidap.console;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every route the application has under the console's prefixes, found from the router (so a route
 * added later is walked too), anonymously, as a script (JSON) and as a browser (HTML): none answers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoutesTest implements TestPropertyProvider {

    static final List<String> PROTECTED = List.of("/quan-tri", "/api/insights", "/api/admin", "/prometheus");
    /** The sign-in form and its target are the only console routes open to everyone. */
    static final Set<String> OPEN = Set.of("/quan-tri/dang-nhap", "/login");

    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @Test
    void noConsoleRouteAnswersWithoutSigningIn() {
        List<String> walked = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            String template = route.getUriMatchTemplate().toString();
            if (PROTECTED.stream().noneMatch(template::startsWith) || OPEN.contains(template)) {
                return;
            }
            String path = template.replaceAll("\\{[^}]*}", "x1");
            HttpMethod method = route.getHttpMethod();
            for (MediaType accept : List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)) {
                MutableHttpRequest<?> request = HttpRequest.create(method, path).accept(accept);
                if (method == HttpMethod.POST || method == HttpMethod.PUT) {
                    request.contentType(MediaType.APPLICATION_JSON_TYPE);
                    ((MutableHttpRequest<Object>) request).body(Map.of());
                }
                HttpResponse<String> r = new ConsoleClient(client.toBlocking()).exchange(request);
                String what = method + " " + path + " (" + accept + ")";
                if (accept.equals(MediaType.TEXT_HTML_TYPE) && method == HttpMethod.GET) {
                    assertEquals(303, r.code(), what);
                    assertTrue(r.header("Location").startsWith("/quan-tri/dang-nhap"), what);
                } else {
                    // unsafe methods without a CSRF token stop at 403 even before the sign-in check
                    assertTrue(r.code() == 401 || r.code() == 403 || r.code() == 303, what + " → " + r.code());
                }
                walked.add(what);
            }
        });
        assertTrue(walked.size() >= 10, "the router listed the console's routes: " + walked);
    }
}

package vn.hoidap.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document generated at build time covers every controller route of the service: the bean
 * context's routes are compared with the spec's paths and methods, so a new endpoint without a contract
 * fails here. The document and the browsable UI are served.
 */
@MicronautTest
class OpenApiCoverageTest {

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void everyControllerRouteIsInTheSpec() throws Exception {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/openapi.yml"));
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
        Set<String> inSpec = new TreeSet<>();
        paths.fieldNames().forEachRemaining(p -> paths.path(p).fieldNames()
                .forEachRemaining(m -> inSpec.add(m.toUpperCase(Locale.ROOT) + " " + p)));
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            Class<?> controller = route.getTargetMethod().getDeclaringType();
            String path = route.getUriMatchTemplate().toPathString().replaceAll("\\{[?&+#][^}]*}", "");
            path = path.isEmpty() ? "/" : path;
            if (!controller.getName().startsWith("vn.hoidap.") || controller.isAnnotationPresent(Hidden.class)
                    || path.startsWith("/test-only") || "HEAD".equals(route.getHttpMethodName())) {
                continue;
            }
            checked++;
            String key = route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path.replaceAll("/$", "");
            if (!inSpec.contains(key) && !inSpec.contains(key + "/")) {
                missing.add(key + " (" + controller.getSimpleName() + ")");
            }
        }
        assertTrue(checked >= 8, "the service's controllers were found: " + checked);
        assertTrue(missing.isEmpty(), "routes missing from /openapi.yml: " + missing + "; spec has " + inSpec);
    }

    @Test
    void theBrowsableUiIsServed() {
        HttpResponse<String> ui = client.toBlocking().exchange(HttpRequest.GET("/api/docs/index.html"), String.class);
        assertEquals(200, ui.code());
        assertTrue(ui.body().contains("swagger"), ui.body());
        assertFalse(ui.body().contains("{{specURL}}"), "the template was filled in");
    }
}

package vn.hoidap.portal;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response: a Content-Security-Policy without inline script or style (the pages need none),
 * {@code frame-ancestors} from {@link PortalConfig} (so a provincial portal can embed the widget),
 * {@code nosniff}, a Referrer-Policy that keeps paths (and so questions in {@code /?q=}) inside the site, and
 * cache headers: static files a day, public pages five minutes, anything personal or failed not at all
 * (the console's pages, responses setting a cookie, answers to requests with credentials).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {

    /** The communications team's pages (signed in). */
    private static final String CONSOLE = "/quan-tri";

    private final PortalConfig config;
    private final String csp;

    SecurityHeadersFilter(PortalConfig config) {
        this.config = config;
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
                + "object-src 'none'; frame-ancestors " + config.frameAncestorsSources();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponseHeaders h = new MutableHttpResponseHeaders(response);
        h.setIfAbsent("Content-Security-Policy", csp);
        h.setIfAbsent("X-Content-Type-Options", "nosniff");
        h.setIfAbsent("Referrer-Policy", "strict-origin-when-cross-origin");
        h.setIfAbsent(HttpHeaders.CACHE_CONTROL, cacheControl(request, response));
    }

    private String cacheControl(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean ok = response.getStatus().getCode() < 300;
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!ok || !read) {
            return "no-store";
        }
        String path = request.getPath();
        // Personal responses are never stored, by the browser (a signed-out console must not come back from its
        // cache, nor a queue just worked through) or by a shared cache: the console's pages, any response that
        // sets a cookie (a session or a CSRF token), any answer to a request that carried credentials.
        if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/") || response.getHeaders().contains(HttpHeaders.SET_COOKIE)
                || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return "no-store";
        }
        if (path.startsWith("/static/")) {
            return "public, max-age=" + config.staticMaxAgeSeconds();
        }
        if (path.startsWith("/api/")) {
            return "no-cache";
        }
        return "public, max-age=" + config.pageMaxAgeSeconds();
    }

    /** Sets a header only when the controller did not (an answer page says no-store itself). */
    private record MutableHttpResponseHeaders(MutableHttpResponse<?> response) {
        void setIfAbsent(String name, String value) {
            if (!response.getHeaders().contains(name)) {
                response.header(name, value);
            }
        }
    }

}

package vn.hoidap.portal;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Browsers get an HTML error page (with the site's navigation) where the shared error handling produced
 * {@code {"error": …}}: unknown addresses, wrong methods, server errors. {@code /api/*} keeps its JSON, and so
 * does any client that does not ask for HTML.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HtmlErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrorPages.class);

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final PortalConfig config;

    HtmlErrorPages(ThymeleafViewsRenderer<Map<String, Object>> renderer, PortalConfig config) {
        this.renderer = renderer;
        this.config = config;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void toHtml(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int code = response.getStatus().getCode();
        if (code < 400 || request.getPath().startsWith("/api/") || !wantsHtml(request)
                || !(response.getBody().orElse(null) instanceof ApiError error)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("portal", config);
        model.put("path", request.getPath());
        model.put("crumbs", List.of(Crumb.here(code == 404 ? "Không tìm thấy" : "Lỗi")));
        model.put("code", code);
        model.put("detail", error.error());
        try {
            Writable w = renderer.render("error", model, request);
            StringWriter out = new StringWriter();
            w.writeTo(out);
            ((MutableHttpResponse<Object>) response).body(out.toString())
                    .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Error page not rendered; the JSON error stays: {}", e.toString());
        }
    }

    private static boolean wantsHtml(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML);
    }
}

package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import vn.hoidap.system.ApiError;

import java.util.Set;

/**
 * CSRF for the console's JSON API: a state-changing request that rides on the session cookie must carry
 * the {@code X-CSRF-Token} header. Scripts that send their own {@code Authorization} header are not a
 * browser's ambient credential and need none. (Forms check their hidden field in the controller, where
 * the body is read.) Also sets the CSRF cookie when a page generated a token for this browser.
 */
@ServerFilter({"/api/admin/**", "/api/insights/**", "/quan-tri/**", "/quan-tri", "/login", "/logout"})
final class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final Csrf csrf;

    CsrfFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    @Override
    public int getOrder() {
        // before security: a forged request is refused before anything looks at who sent it
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || !request.getPath().startsWith("/api/")) {
            return null;
        }
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        if (csrf.valid(request, request.getHeaders().get(Csrf.HEADER))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError(new CsrfRejected().getMessage()));
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(Csrf.NEW_TOKEN, String.class).ifPresent(t -> response.cookie(csrf.cookie(t)));
    }
}

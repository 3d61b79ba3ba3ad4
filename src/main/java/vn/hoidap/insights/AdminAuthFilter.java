package vn.hoidap.insights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.hoidap.system.ApiError;

/**
 * HTTP Basic in front of {@code /api/insights}: the communications team's figures are not public.
 * (micronaut-security is not on the classpath; one user needs no more than this.)
 */
@ServerFilter({"/api/insights", "/api/insights/**"})
class AdminAuthFilter {

    private final AdminCredentials credentials;

    AdminAuthFilter(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (credentials.accepts(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hoidap insights\", charset=\"UTF-8\"")
                .body(new ApiError("Cần đăng nhập (tài khoản admin) để xem số liệu thống kê."));
    }
}

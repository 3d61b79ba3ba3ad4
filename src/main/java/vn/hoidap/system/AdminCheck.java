package vn.hoidap.system;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.hoidap.insights.AdminCredentials;

/**
 * Whether a request comes from a signed-in administrator, for the parts of the operations surface that
 * are not public (health details). Today: the insights admin's HTTP Basic credentials. When the console
 * turns micronaut-security on, this check and {@link HealthDetailsFilter} go: security sets the principal.
 */
@Singleton
public class AdminCheck {

    private final AdminCredentials credentials;

    AdminCheck(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    public boolean isAdmin(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return authorization != null && credentials.accepts(authorization);
    }
}

package vn.hoidap.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Whether a request comes from a signed-in administrator (session cookie or HTTP Basic, authenticated by
 * micronaut-security before this is asked), for the parts of the operations surface that are not public.
 */
@Singleton
public class AdminCheck {

    static final String ADMIN_ROLE = "admin";

    public boolean isAdmin(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(ADMIN_ROLE))
                .orElse(false);
    }

    public boolean hasRole(HttpRequest<?> request, String role) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(role))
                .orElse(false);
    }

    public boolean isSignedIn(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).isPresent();
    }
}

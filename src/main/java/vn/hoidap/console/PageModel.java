package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** What every console page's layout needs: who is signed in, whether they are an admin, the CSRF token. */
@Singleton
final class PageModel {

    private final Csrf csrf;

    PageModel(Csrf csrf) {
        this.csrf = csrf;
    }

    Map<String, Object> of(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        var auth = request.getUserPrincipal(Authentication.class);
        model.put("user", auth.map(Authentication::getName).orElse(null));
        model.put("admin", auth.map(a -> a.getRoles().contains(Roles.ADMIN)).orElse(false));
        model.put("csrf", csrf.token(request));
        return model;
    }
}

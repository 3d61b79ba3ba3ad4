package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * The one builder of a console page's model: what the layout needs on every page — who is signed in
 * ({@code user}), whether they are an admin ({@code admin}: the layout shows the admin-only navigation
 * entries), the CSRF token ({@code csrf}) — then the page's flash message ({@code ok} after a redirect,
 * or a {@code title} and {@code message} for the message page) and its own entries.
 * <pre>
 * pages.page(request).flash(ok != null).put("users", admin.list()).build()
 * </pre>
 */
@Singleton
public final class PageModel {

    private final Csrf csrf;

    PageModel(Csrf csrf) {
        this.csrf = csrf;
    }

    /** The layout's entries for {@code request}'s user; the page adds its own. */
    public Builder page(HttpRequest<?> request) {
        return new Builder(request, csrf.token(request));
    }

    /** {@code page(request).build()}: a mutable map for pages that fill it themselves. */
    public Map<String, Object> of(HttpRequest<?> request) {
        return page(request).build();
    }

    /** One page's model; {@link #build()} hands out the map (mutable, for pages that add to it later). */
    public static final class Builder {
        private final Map<String, Object> model = new HashMap<>();

        private Builder(HttpRequest<?> request, String csrfToken) {
            var auth = request.getUserPrincipal(Authentication.class);
            model.put("user", auth.map(Authentication::getName).orElse(null));
            model.put("admin", auth.map(a -> a.getRoles().contains(Roles.ADMIN)).orElse(false));
            model.put("csrf", csrfToken);
        }

        /** The "saved" notice a page shows after the redirect of a successful form. */
        public Builder flash(boolean ok) {
            model.put("ok", ok);
            return this;
        }

        /** The message page's title and sentence (a refused form, a failed action). */
        public Builder message(String title, String text) {
            model.put("title", title);
            model.put("message", text);
            return this;
        }

        public Builder put(String key, Object value) {
            model.put(key, value);
            return this;
        }

        public Map<String, Object> build() {
            return model;
        }
    }
}

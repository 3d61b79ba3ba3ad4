package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Double-submit CSRF tokens: a random value in a SameSite=Strict, HttpOnly cookie and the same value in
 * every form (hidden field {@code _csrf}) and in the {@code X-CSRF-Token} header of the console's own
 * requests. A cross-site page can make the browser send the cookie (not even that, with SameSite=Strict)
 * but can neither read it nor guess it, so it cannot fill in the field.
 */
@Singleton
public final class Csrf {

    public static final String COOKIE = "hoidap_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** Request attribute: a token generated for this request, to be set as a cookie on the response. */
    static final String NEW_TOKEN = "hoidap.csrf.new";

    private final SecureRandom random = new SecureRandom();
    private final boolean secure;

    Csrf(ConsoleConfig config) {
        this.secure = config.secureCookies();
    }

    /** The token for this browser: its cookie's value, or a new one the response will set. */
    public String token(HttpRequest<?> request) {
        Optional<String> existing = cookieValue(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<String> fresh = request.getAttribute(NEW_TOKEN, String.class);
        if (fresh.isPresent()) {
            return fresh.get();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(NEW_TOKEN, token);
        return token;
    }

    /** True when {@code submitted} is this browser's token (constant-time comparison). */
    public boolean valid(HttpRequest<?> request, String submitted) {
        Optional<String> cookie = cookieValue(request);
        return cookie.isPresent() && submitted != null && !submitted.isEmpty()
                && MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws {@link CsrfRejected} unless the form's field carries the token. */
    void require(HttpRequest<?> request, String submitted) {
        if (!valid(request, submitted)) {
            throw new CsrfRejected();
        }
    }

    Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Strict);
    }

    private static Optional<String> cookieValue(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> v.length() >= 20);
    }
}

package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.TokenCookieConfigurationProperties;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * The idle time-out: the session cookie is a JWT that expires after the configured idle time
 * ({@code micronaut.security.token.generator.access-token.expiration}); every console request made with a
 * cookie older than {@code hoidap.console.renew-after} gets a fresh one. Someone who stops working is
 * signed out when the idle time has passed; someone working never is.
 */
@ServerFilter({"/quan-tri/**", "/quan-tri", "/api/insights/**", "/api/admin/**"})
final class SessionRenewal {

    private final TokenCookieLoginHandler cookies;
    private final TokenCookieConfigurationProperties cookieConfig;
    private final ConsoleConfig config;
    private final Clock clock = Clock.systemUTC();

    SessionRenewal(TokenCookieLoginHandler cookies, TokenCookieConfigurationProperties cookieConfig,
                   ConsoleConfig config) {
        this.cookies = cookies;
        this.cookieConfig = cookieConfig;
        this.config = config;
    }

    @ResponseFilter
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().findCookie(cookieConfig.getCookieName()).isEmpty()
                || response.getStatus().getCode() >= 400) {
            return;
        }
        request.getUserPrincipal(Authentication.class).ifPresent(auth -> {
            Instant issued = issuedAt(auth.getAttributes().get("iat"));
            if (issued == null || issued.plus(config.renewAfter()).isBefore(clock.instant())) {
                // a clean authentication: the old token's iat/exp attributes must not leak into the new claims
                Authentication fresh = Authentication.build(auth.getName(), auth.getRoles());
                cookies.getCookies(fresh, request).forEach(response::cookie);
            }
        });
    }

    private static Instant issuedAt(Object iat) {
        if (iat instanceof Date d) {
            return d.toInstant();
        }
        if (iat instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (iat instanceof Instant i) {
            return i;
        }
        return null;
    }
}

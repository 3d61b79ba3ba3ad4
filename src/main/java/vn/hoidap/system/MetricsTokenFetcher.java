package vn.hoidap.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The scrape token ({@code HOIDAP_METRICS_TOKEN}, from a Secret): {@code Authorization: Bearer <token>} on
 * {@code /prometheus} (and on {@code /health}, for its details) authenticates as the {@code metrics} role
 * without asking the database. HTTP Basic checks the user table, so while PostgreSQL is down — exactly
 * when an operator needs the spill gauges — a Basic scrape cannot succeed; this one still does.
 * No token configured: nothing is accepted this way. The comparison is constant-time.
 */
@Singleton
class MetricsTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String ROLE = "metrics";
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    MetricsTokenFetcher(@Nullable @Value("${hoidap.metrics.token:}") String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return accepts(request) ? Publishers.just(Authentication.build("prometheus-scraper", List.of(ROLE))) : Publishers.empty();
    }

    boolean accepts(HttpRequest<?> request) {
        if (token == null || !scraped(request.getPath())) {
            return false;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }

    private static boolean scraped(String path) {
        return path.equals("/prometheus") || path.startsWith("/prometheus/") || path.equals("/health");
    }
}

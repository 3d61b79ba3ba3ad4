package vn.hoidap.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits for the anonymous API, per client address and, when the JSON body names one, per session
 * ({@code sessionId}); 429 with a Vietnamese body and {@code Retry-After}. Runs after
 * {@link RequestSanityFilter}, so the body it reads is known to be decodable.
 */
@ServerFilter({"/api/chat", "/api/search", "/api/feedback"})
@Requires(property = "hoidap.rate-limit.enabled", notEquals = "false")
class RateLimitFilter implements Ordered {

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final HttpClientAddressResolver addresses;
    private final JsonMapper json;

    private final io.micrometer.core.instrument.MeterRegistry registry;

    RateLimitFilter(RateLimiter limiter, RateLimitConfig config, HttpClientAddressResolver addresses, JsonMapper json,
                    io.micrometer.core.instrument.MeterRegistry registry) {
        this.registry = registry;
        this.limiter = limiter;
        this.config = config;
        this.addresses = addresses;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return RequestSanityFilter.ORDER + 10;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request, @Nullable @Body String body) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        String address = addresses.resolve(request);
        limits.put("addr:" + (address == null ? "?" : address), config.perAddress());
        String session = sessionOf(body);
        if (session != null) {
            limits.put("session:" + sha256(session), config.perSession());
        }
        RateLimiter.Verdict v = limiter.hit(limits, config.window(), Instant.now());
        if (v.allowed()) {
            return null;
        }
        registry.counter("hoidap.http.rate.limited", "path", request.getPath(),
                "by", v.bucket().startsWith("session:") ? "session" : "address").increment();
        String who = v.bucket().startsWith("session:") ? "phiên trò chuyện này" : "địa chỉ của bạn";
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(v.retryAfterSeconds()))
                .body(new ApiError("Có quá nhiều yêu cầu từ " + who + "; xin thử lại sau " + v.retryAfterSeconds()
                        + " giây (too many requests)."));
    }

    private String sessionOf(String body) {
        if (body == null || body.isBlank() || body.charAt(0) != '{' && !body.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = json.readValue(body, JsonNode.class);
            JsonNode s = node == null ? null : node.get("sessionId");
            return s != null && s.isString() && !s.getStringValue().isBlank() ? s.getStringValue().strip() : null;
        } catch (Exception e) {
            return null; // the controller answers malformed JSON with its own 400
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

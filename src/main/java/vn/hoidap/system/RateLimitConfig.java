package vn.hoidap.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Limits for the anonymous web API ({@code /api/chat}, {@code /api/search}, {@code /api/feedback}):
 * requests per client address and per session in a fixed window, counted in PostgreSQL so they hold
 * however many instances share the traffic. The client address is the one
 * {@code micronaut.server.client-address-header} names (set it to X-Forwarded-For behind a proxy).
 */
@ConfigurationProperties("hoidap.rate-limit")
public record RateLimitConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Min(1) @Bindable(defaultValue = "120") int perAddress,
        @Min(1) @Bindable(defaultValue = "30") int perSession,
        @Bindable(defaultValue = "60s") Duration window) {
}

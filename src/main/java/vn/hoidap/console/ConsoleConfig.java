package vn.hoidap.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * The console's sign-in: the first admin's password ({@code HOIDAP_ADMIN_PASSWORD}; when unset a random one
 * is generated and written to {@code adminPasswordFile}, readable only by the service's user), how many
 * wrong passwords a user+address pair may send before each further try waits, and the longest wait.
 * The idle time-out is the JWT cookie's lifetime ({@code micronaut.security.token.generator.access-token
 * .expiration}); {@link SessionRenewal} re-issues the cookie on activity.
 */
@ConfigurationProperties("hoidap.console")
public record ConsoleConfig(
        @Nullable String adminPassword,
        @NotBlank @Bindable(defaultValue = "./data/admin-password.txt") String adminPasswordFile,
        @Min(1) @Bindable(defaultValue = "3") int freeAttempts,
        @Bindable(defaultValue = "15m") Duration maxBackoff,
        @Bindable(defaultValue = "1m") Duration renewAfter,
        @Bindable(defaultValue = "true") boolean secureCookies) {
}

package vn.hoidap.querylog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The query log: queue size and batching, where entries wait on disk while the database is away, the
 * salt for session hashes ({@code HOIDAP_LOG_SALT}; otherwise generated once and kept in app_setting) and
 * how long the redacted question text is kept.
 */
@ConfigurationProperties("hoidap.querylog")
public record QueryLogConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Min(1) @Bindable(defaultValue = "10000") int queueCapacity,
        @Min(1) @Max(10_000) @Bindable(defaultValue = "500") int batchSize,
        @Min(1) @Bindable(defaultValue = "200") long flushMillis,
        @Min(10) @Bindable(defaultValue = "2000") long retryMillis,
        @NotBlank @Bindable(defaultValue = "./data/querylog-spill") String spillDir,
        @Nullable String salt,
        @Min(1) @Bindable(defaultValue = "365") int retentionDays,
        @Min(1) @Bindable(defaultValue = "10000") int recentSessions) {
}

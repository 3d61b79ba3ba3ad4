package vn.hoidap.assistant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits and thresholds of the assistant: message length, the confidence below which it falls back,
 * and how long and how many sessions it remembers.
 */
@ConfigurationProperties("hoidap.assistant")
public record AssistantConfig(
        @Min(1) @Max(100_000) @Bindable(defaultValue = "1000") int maxMessageLength,
        @Bindable(defaultValue = "0.35") double fallbackThreshold,
        @Min(1) @Bindable(defaultValue = "30") int sessionTtlMinutes,
        @Min(1) @Bindable(defaultValue = "10000") int maxSessions) {
}

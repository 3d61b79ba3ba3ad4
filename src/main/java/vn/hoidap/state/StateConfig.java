package vn.hoidap.state;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The shared state's local side: how many entries the in-process cache keeps (it answers while the
 * database is away, so a conversation on one instance goes on during an outage) and how often expired
 * rows are purged.
 */
@ConfigurationProperties("hoidap.state")
public record StateConfig(
        @Min(1) @Bindable(defaultValue = "10000") int cacheSize,
        @Min(1) @Bindable(defaultValue = "256") int maxKeyLength,
        @Min(1) @Bindable(defaultValue = "65536") int maxValueLength) {
}

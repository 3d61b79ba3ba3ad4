package vn.hoidap.insights;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The insights API: the admin password ({@code HOIDAP_ADMIN_PASSWORD}, hashed at start-up; a random one is
 * generated and logged once when it is unset), the longest date range a query may span and how many
 * rows an export may carry.
 */
@ConfigurationProperties("hoidap.insights")
public record InsightsConfig(
        @Nullable String adminPassword,
        @Min(1) @Bindable(defaultValue = "731") int maxRangeDays,
        @Min(1) @Bindable(defaultValue = "200000") int exportMaxRows,
        @Min(1) @Bindable(defaultValue = "50") int maxGroups) {
}

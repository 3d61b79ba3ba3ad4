package vn.hoidap.insights;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The insights API (signed-in console users only, see vn.hoidap.console): the longest date range a query
 * may span, how many rows an export may carry, how many question groups a report lists, and how long one
 * run of the background {@link InsightsMaintenance} may work before it yields.
 */
@ConfigurationProperties("hoidap.insights")
public record InsightsConfig(
        @Min(1) @Bindable(defaultValue = "731") int maxRangeDays,
        @Min(1) @Bindable(defaultValue = "200000") int exportMaxRows,
        @Min(1) @Bindable(defaultValue = "50") int maxGroups,
        @Bindable(defaultValue = "10s") java.time.Duration maintenanceBudget) {
}

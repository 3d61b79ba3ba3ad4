package vn.hoidap.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * How much memory unfinished request bodies may hold together ({@code budget-bytes}) and how many of
 * them may be open at once; small bodies (up to {@code small-bytes}, every ordinary question) never
 * wait on the budget, so an upload flood cannot lock out people asking questions.
 */
@ConfigurationProperties("hoidap.body-limits")
public record BodyLimitsConfig(
        @Min(1024) @Bindable(defaultValue = "33554432") long budgetBytes,
        @Min(1) @Bindable(defaultValue = "256") int maxOpenLargeBodies,
        @Min(0) @Bindable(defaultValue = "16384") long smallBytes) {
}

package vn.hoidap.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Min;

import java.util.List;

/**
 * How much memory unfinished request bodies may hold together ({@code budget-bytes}) and how many of
 * them may be open at once; small bodies (up to {@code small-bytes}, every ordinary question) never
 * wait on the budget, so an upload flood cannot lock out people asking questions. Every route takes at most
 * {@code max-request-size}; only {@code upload-paths} (plan uploads) take up to
 * {@code micronaut.server.max-request-size}.
 */
@ConfigurationProperties("hoidap.body-limits")
public record BodyLimitsConfig(
        @Min(1024) @Bindable(defaultValue = "33554432") long budgetBytes,
        @Min(1) @Bindable(defaultValue = "256") int maxOpenLargeBodies,
        @Min(0) @Bindable(defaultValue = "16384") long smallBytes,
        @ReadableBytes @Bindable(defaultValue = "256KB") long maxRequestSize,
        @Bindable(defaultValue = "/api/admin/plans,/quan-tri/ke-hoach") List<String> uploadPaths) {
}

package vn.hoidap.insights;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The background insights work in the admin's {@code /health} details: backfill days left, keys waiting to
 * be grouped, segments missing. Always UP: reports are exact while it catches up, only slower.
 */
@Singleton
class InsightsHealthIndicator implements HealthIndicator {

    private final InsightsMaintenance maintenance;

    InsightsHealthIndicator(InsightsMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("insights", HealthStatus.UP).details(maintenance.status()).build());
    }
}

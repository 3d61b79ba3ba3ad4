package vn.hoidap.system;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Readiness DOWN from the first moment of a shutdown ({@link ShutdownDrain}), while the server still answers:
 * a load balancer polling {@code /health/readiness} stops sending new requests before the listener closes.
 * Not in liveness: a draining pod must not be restarted.
 */
@Singleton
@Readiness
class ShutdownHealthIndicator implements HealthIndicator {

    private final ShutdownDrain drain;

    ShutdownHealthIndicator(ShutdownDrain drain) {
        this.drain = drain;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (!drain.draining()) {
            return Publishers.just(HealthResult.builder("shutdown", HealthStatus.UP).build());
        }
        return Publishers.just(HealthResult.builder("shutdown", HealthStatus.DOWN)
                .details(Map.of("drainingSince", drain.since().toString())).build());
    }
}

package vn.hoidap.system;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database in {@code /health} and {@code /health/readiness} (never in liveness: chat keeps answering
 * without it, so a database outage must not restart pods). Reports the background verdict of
 * {@link DatabaseStatus}; the details name the server version and the redacted URL host, never a password.
 */
@Singleton
@Readiness
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseStatus status;

    DatabaseHealthIndicator(DatabaseStatus status) {
        this.status = status;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        DatabaseStatus.Verdict v = status.last();
        Map<String, Object> details = new LinkedHashMap<>();
        if (v.version() != null) {
            details.put("version", v.version());
        }
        if (v.error() != null) {
            details.put("error", v.error());
        }
        details.put("checkedAt", v.at().toString());
        return Publishers.just(HealthResult.builder("database", v.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}

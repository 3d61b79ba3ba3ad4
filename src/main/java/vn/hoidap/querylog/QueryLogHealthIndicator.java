package vn.hoidap.querylog;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query log's backlog in the admin's {@code /health} details: queue depth, entries on disk and held
 * in memory, losses, and whether the spill directory can be written. It stays UP (answers do not depend on
 * the log), so a full disk shows here and in the metrics, never as a restart.
 */
@Singleton
class QueryLogHealthIndicator implements HealthIndicator {

    private final QueryLogWriter writer;

    QueryLogHealthIndicator(QueryLogWriter writer) {
        this.writer = writer;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queueDepth", writer.queueDepth());
        details.put("written", writer.writtenCount());
        details.put("spilled", writer.spilledCount());
        details.put("spillBytes", writer.spillBytes());
        details.put("spillWritable", writer.spillWritable());
        if (writer.spillError() != null) {
            details.put("spillError", writer.spillError());
        }
        details.put("heldInMemory", writer.heldCount());
        details.put("lost", writer.lostCount());
        details.put("writeFailures", writer.writeFailureCount());
        return Publishers.just(HealthResult.builder("queryLog", HealthStatus.UP).details(details).build());
    }
}

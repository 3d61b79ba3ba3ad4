package vn.hoidap.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The abuse limits and the database at {@code /prometheus}. Hooks documented for other parts (README,
 * "Operations"): the search index registers {@code hoidap.index.documents} / {@code hoidap.index.rebuild}
 * and channels {@code hoidap.channel.sends{channel,outcome}} with the same registry.
 */
@Context
class SystemMetrics {

    SystemMetrics(MeterRegistry registry, BodyBudget bodies, DatabaseStatus database) {
        Gauge.builder("hoidap.http.bodies.open", bodies, BodyBudget::openBodies)
                .description("Large request bodies still arriving").register(registry);
        Gauge.builder("hoidap.http.bodies.reserved", bodies, BodyBudget::reservedBytes)
                .description("Bytes of the body budget held by unfinished bodies").baseUnit("bytes").register(registry);
        FunctionCounter.builder("hoidap.http.bodies.refused", bodies, BodyBudget::refusedCount)
                .description("Request bodies refused with 413 (too large or over the budget)").register(registry);
        Gauge.builder("hoidap.database.up", database, d -> d.isUp() ? 1 : 0)
                .description("1 while the database answers (background check)").register(registry);
    }
}

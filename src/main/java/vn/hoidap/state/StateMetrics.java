package vn.hoidap.state;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/** The shared state's breaker at {@code /prometheus}: open while the database is away and the cache answers. */
@Context
class StateMetrics {

    StateMetrics(MeterRegistry registry, PostgresSharedState state) {
        Gauge.builder("hoidap.state.breaker.open", state, s -> s.breakerOpen() ? 1 : 0)
                .description("1 while the shared state's database breaker is open (local cache answers)").register(registry);
        FunctionCounter.builder("hoidap.state.fallbacks", state, PostgresSharedState::failures)
                .description("Shared-state reads, writes and deletes answered by the local cache after a database failure")
                .register(registry);
    }
}

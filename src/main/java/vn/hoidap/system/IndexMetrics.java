package vn.hoidap.system;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import vn.hoidap.search.LuceneSearcher;

import java.util.concurrent.TimeUnit;

/**
 * The search index at {@code /prometheus}: units indexed, bytes held, and every build (at start-up and each
 * console FAQ change) as a timer — read from the searcher, which only counts.
 */
@Context
class IndexMetrics {

    IndexMetrics(MeterRegistry registry, LuceneSearcher searcher) {
        Gauge.builder("hoidap.index.documents", searcher, LuceneSearcher::indexedUnits)
                .description("Units (plan sections, tasks, FAQ entries) in the live search index").register(registry);
        Gauge.builder("hoidap.index.size", searcher, LuceneSearcher::indexBytes)
                .description("Bytes of the in-memory search index").baseUnit("bytes").register(registry);
        Gauge.builder("hoidap.index.build.last", searcher, s -> s.lastBuildMillis() / 1000.0)
                .description("Duration of the latest index build").baseUnit("seconds").register(registry);
        FunctionTimer.builder("hoidap.index.rebuild", searcher, LuceneSearcher::builds,
                        LuceneSearcher::buildMillisTotal, TimeUnit.MILLISECONDS)
                .description("Index builds since start-up and their total time").register(registry);
    }
}

package vn.hoidap.corpus;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reports the corpus in {@code /health}: DOWN when no plan is loaded. */
@Singleton
class CorpusHealthIndicator implements HealthIndicator {

    private final Knowledge knowledge;

    CorpusHealthIndicator(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plans", knowledge.plans().size());
        details.put("tasks", knowledge.plans().stream().mapToInt(p -> p.tasks().size()).sum());
        details.put("faqEntries", knowledge.faqs().size());
        details.put("agencies", knowledge.agencies().all().size());
        details.put("loadMillis", knowledge.buildMillis());
        // A plan added without curation that yields little is said here too, not only in the start-up log.
        Map<String, Object> warnings = new LinkedHashMap<>();
        knowledge.extractionReports().stream().filter(r -> !r.warnings().isEmpty())
                .forEach(r -> warnings.put(r.planId(), r.warnings()));
        if (!warnings.isEmpty()) {
            details.put("extractionWarnings", warnings);
        }
        HealthStatus status = knowledge.plans().isEmpty() ? HealthStatus.DOWN : HealthStatus.UP;
        return Publishers.just(HealthResult.builder("corpus", status).details(details).build());
    }
}

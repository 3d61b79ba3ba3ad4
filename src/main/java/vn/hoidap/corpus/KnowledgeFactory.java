package vn.hoidap.corpus;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/** Builds the knowledge at start-up (eagerly, so a broken corpus stops the service with a clear message). */
@Factory
class KnowledgeFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeFactory.class);

    @Context
    Knowledge knowledge(CorpusConfig config) {
        return build(Path.of(config.dir()));
    }

    static Knowledge build(Path corpusDir) {
        long start = System.nanoTime();
        AgencyDirectory agencies = AgencyDirectory.load(corpusDir.resolve("agencies.yaml"));
        List<Plan> plans = new PlanLoader(agencies).loadAll(corpusDir.resolve("plans"));
        List<FaqEntry> faqs = FaqLoader.load(corpusDir.resolve("faq"));
        ProvinceDirectory provinces = ProvinceDirectory.load(corpusDir.resolve("provinces.yaml"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Corpus: {} plans, {} tasks, {} FAQ entries, {} agencies loaded from {} in {} ms", plans.size(),
                plans.stream().mapToInt(p -> p.tasks().size()).sum(), faqs.size(), agencies.all().size(),
                corpusDir.toAbsolutePath().normalize(), millis);
        return new Knowledge(plans, faqs, agencies, provinces, millis);
    }
}

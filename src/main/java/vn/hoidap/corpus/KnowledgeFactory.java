package vn.hoidap.corpus;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoidap.text.restore.DiacriticRestorer;

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
        ProvinceDirectory provinces = ProvinceDirectory.load(corpusDir.resolve("provinces.yaml"));
        List<FaqEntry> faqs = FaqLoader.load(corpusDir.resolve("faq"));
        Path plansDir = corpusDir.resolve("plans");
        List<Plan> plans = new PlanLoader(agencies).loadAll(plansDir);
        if (plans.stream().anyMatch(p -> p.meta().textQuality() == TextQuality.OCR)) {
            // OCR plans are shown restored: the restorer learns from every clean Vietnamese text we have,
            // so the OCR plans are loaded again with it (clean ones are already final).
            DiacriticRestorer restorer = OcrRestorerTraining.train(plans, faqs, agencies, provinces);
            PlanLoader restoring = new PlanLoader(agencies, restorer::restore);
            plans = plans.stream().map(p -> p.meta().textQuality() == TextQuality.OCR
                    ? restoring.load(plansDir.resolve(p.id() + ".yaml")) : p).toList();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Corpus: {} plans, {} tasks, {} FAQ entries, {} agencies loaded from {} in {} ms", plans.size(),
                plans.stream().mapToInt(p -> p.tasks().size()).sum(), faqs.size(), agencies.all().size(),
                corpusDir.toAbsolutePath().normalize(), millis);
        return new Knowledge(plans, faqs, agencies, provinces, millis);
    }
}

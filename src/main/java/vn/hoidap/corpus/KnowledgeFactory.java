package vn.hoidap.corpus;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.text.restore.DiacriticRestorer;

import java.nio.file.Path;
import java.util.List;

/** Builds the knowledge at start-up (eagerly, so a broken corpus stops the service with a clear message). */
@Factory
class KnowledgeFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeFactory.class);

    @Context
    CommittedCorpus committed(CorpusConfig config) {
        return load(Path.of(config.dir()));
    }

    /** The live knowledge starts as the committed corpus; later generations are swapped into the same bean. */
    @Context
    Knowledge knowledge(CommittedCorpus c) {
        return new Knowledge(c.plans(), c.faqs(), c.agencies(), c.provinces(), c.buildMillis(), c.reports());
    }

    static Knowledge build(Path corpusDir) {
        CommittedCorpus c = load(corpusDir);
        return new Knowledge(c.plans(), c.faqs(), c.agencies(), c.provinces(), c.buildMillis(), c.reports());
    }

    static CommittedCorpus load(Path corpusDir) {
        long start = System.nanoTime();
        CorpusLayout layout = new CorpusLayout(corpusDir);
        AgencyDirectory agencies = AgencyDirectory.load(layout.agencies());
        ProvinceDirectory provinces = ProvinceDirectory.load(layout.provinces());
        List<FaqEntry> faqs = FaqLoader.load(layout.faqDir());
        List<Path> sheets = layout.planSheets();
        PlanLoader plain = new PlanLoader(agencies);
        // Clean plans first: with the curated sheets of the OCR plans they are what the restorer learns from,
        // so it is trained once, before any OCR plan is parsed, and each OCR plan is parsed once, restored.
        List<PlanLoader.Loaded> loaded = new java.util.ArrayList<>();
        List<Path> ocr = new java.util.ArrayList<>();
        DiacriticRestorer restorer = null;
        for (Path sheet : sheets) {
            if (plain.textQuality(sheet) == TextQuality.OCR) {
                ocr.add(sheet);
            } else {
                loaded.add(plain.loadMeasured(sheet));
            }
        }
        if (!ocr.isEmpty()) {
            List<Plan> training = new java.util.ArrayList<>(loaded.stream().map(PlanLoader.Loaded::plan).toList());
            ocr.forEach(sheet -> training.add(plain.curatedOnly(sheet)));
            restorer = OcrRestorerTraining.train(training, faqs, agencies, provinces);
            PlanLoader restoring = plain.withRestorer(restorer::restore);
            loaded.addAll(ocr.parallelStream().map(restoring::loadMeasured).toList()); // independent texts: both cores
        }
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < sheets.size(); i++) {
            order.put(sheets.get(i).getFileName().toString().replaceFirst("\\.yaml$", ""), i);
        }
        loaded.sort(java.util.Comparator.comparing(l -> order.get(l.plan().id())));
        List<Plan> plans = loaded.stream().map(PlanLoader.Loaded::plan).toList();
        List<ExtractionReport> reports = loaded.stream().map(ExtractionReport::of).toList();
        for (ExtractionReport r : reports) {
            if (!r.warnings().isEmpty()) {
                LOG.warn("Plan {}: extraction yields little: {}", r.planId(), String.join(" ", r.warnings()));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Corpus: {} plans, {} tasks, {} FAQ entries, {} agencies loaded from {} in {} ms", plans.size(),
                plans.stream().mapToInt(p -> p.tasks().size()).sum(), faqs.size(), agencies.all().size(),
                corpusDir.toAbsolutePath().normalize(), millis);
        return new CommittedCorpus(plans, faqs, agencies, provinces, reports, millis, restorer);
    }
}

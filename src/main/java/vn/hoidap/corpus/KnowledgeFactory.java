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
    Knowledge knowledge(CorpusConfig config) {
        return build(Path.of(config.dir()));
    }

    static Knowledge build(Path corpusDir) {
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
            DiacriticRestorer restorer = OcrRestorerTraining.train(training, faqs, agencies, provinces);
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
        return new Knowledge(plans, faqs, agencies, provinces, millis, reports);
    }
}

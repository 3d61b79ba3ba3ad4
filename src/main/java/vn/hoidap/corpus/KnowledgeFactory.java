package vn.hoidap.corpus;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoidap.StartupPhases;
import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.text.restore.DiacriticRestorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the knowledge at start-up (eagerly, so a broken corpus stops the service with a clear message).
 * Plans are independent of each other and parsed on all cores, their order the sheets' order whatever
 * finishes first. What the build derives (each plan as extracted and, for OCR text, restored) is kept in
 * the {@link DerivedCache} under a key of the corpus files and the code: a restart with neither changed
 * reads it instead of parsing, restoring and extracting again.
 */
@Factory
class KnowledgeFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeFactory.class);
    /** The kind of the cached plans in the derived-data folder. */
    static final String CACHED_PLANS = "plans";

    /** The plans as start-up derived them, in sheet order, with their extraction reports: what the derived-data cache keeps. */
    record DerivedPlans(List<PlanLoader.Loaded> plans, List<ExtractionReport> reports) implements java.io.Serializable {
        List<String> ids() {
            return plans.stream().map(l -> l.plan().id()).toList();
        }
    }

    @Context
    CommittedCorpus committed(CorpusConfig config, @Value("${hoidap.corpus.cache-dir:}") String cacheDir) {
        Path dir = Path.of(config.dir());
        // Started in Application.main before the database and the application context, when it knew the same folders.
        return CorpusPreload.take(dir, cacheDir).orElseGet(() -> load(dir, DerivedCache.at(cacheDir, dir)));
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

    /** Built from the files, nothing cached. */
    static CommittedCorpus load(Path corpusDir) {
        return load(corpusDir, DerivedCache.disabled());
    }

    static CommittedCorpus load(Path corpusDir, DerivedCache cache) {
        long start = System.nanoTime();
        CorpusLayout layout = new CorpusLayout(corpusDir);
        long read = System.nanoTime();
        AgencyDirectory agencies = AgencyDirectory.load(layout.agencies());
        ProvinceDirectory provinces = ProvinceDirectory.load(layout.provinces());
        List<FaqEntry> faqs = FaqLoader.load(layout.faqDir());
        List<Path> sheets = layout.planSheets();
        StartupPhases.done("Corpus: agencies, provinces and " + faqs.size() + " FAQ entries read", read);
        List<String> ids = sheets.stream().map(KnowledgeFactory::id).toList();
        PlanLoader plain = new PlanLoader(agencies);
        long cacheRead = System.nanoTime();
        Optional<DerivedPlans> cached = cache.read(CACHED_PLANS, DerivedPlans.class).filter(d -> d.ids().equals(ids));
        List<PlanLoader.Loaded> loaded;
        Supplier<DiacriticRestorer> restorer;
        if (cached.isPresent()) {
            StartupPhases.done("Corpus: " + ids.size() + " plans read from the derived-data cache", cacheRead);
            loaded = cached.get().plans();
            List<Plan> clean = loaded.stream().map(PlanLoader.Loaded::plan)
                    .filter(p -> p.meta().textQuality() != TextQuality.OCR).toList();
            List<Path> ocr = new ArrayList<>();
            for (int i = 0; i < sheets.size(); i++) {
                if (loaded.get(i).plan().meta().textQuality() == TextQuality.OCR) {
                    ocr.add(sheets.get(i));
                }
            }
            // Trained only if a plan is uploaded, from exactly what a cold start trains it on.
            restorer = () -> OcrRestorerTraining.train(training(clean, ocr, plain), faqs, agencies, provinces);
        } else {
            Parsed parsed = parse(sheets, plain, faqs, agencies, provinces);
            loaded = parsed.loaded();
            restorer = parsed.restorer();
        }
        List<Plan> plans = loaded.stream().map(PlanLoader.Loaded::plan).toList();
        List<ExtractionReport> reports;
        if (cached.isPresent()) {
            reports = cached.get().reports();
        } else {
            long report = System.nanoTime();
            reports = loaded.stream().map(ExtractionReport::of).toList();
            StartupPhases.done("Corpus: extraction report", report);
            long write = System.nanoTime();
            cache.write(CACHED_PLANS, new DerivedPlans(loaded, reports));
            if (cache.enabled()) {
                StartupPhases.done("Corpus: derived-data cache written", write);
            }
        }
        for (ExtractionReport r : reports) {
            if (!r.warnings().isEmpty()) {
                LOG.warn("Plan {}: extraction yields little: {}", r.planId(), String.join(" ", r.warnings()));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Corpus: {} plans, {} tasks, {} FAQ entries, {} agencies loaded from {} in {} ms{}", plans.size(),
                plans.stream().mapToInt(p -> p.tasks().size()).sum(), faqs.size(), agencies.all().size(),
                corpusDir.toAbsolutePath().normalize(), millis, cached.isPresent() ? " (derived-data cache)" : "");
        return new CommittedCorpus(plans, faqs, agencies, provinces, reports, millis, restorer, cached.isPresent());
    }

    private record Parsed(List<PlanLoader.Loaded> loaded, Supplier<DiacriticRestorer> restorer) {
    }

    /**
     * Clean plans first, in parallel: with the curated sheets of the OCR plans they are what the restorer
     * learns from, so it is trained once, before any OCR plan is parsed, and each OCR plan is parsed once,
     * restored, also in parallel.
     */
    private static Parsed parse(List<Path> sheets, PlanLoader plain, List<FaqEntry> faqs, AgencyDirectory agencies,
                                ProvinceDirectory provinces) {
        long read = System.nanoTime();
        List<TextQuality> quality = inParallel(sheets, plain::textQuality);
        StartupPhases.done("Corpus: " + sheets.size() + " plan sheets and texts read and repaired", read);
        List<Path> clean = new ArrayList<>();
        List<Path> ocr = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            (quality.get(i) == TextQuality.OCR ? ocr : clean).add(sheets.get(i));
        }
        long parse = System.nanoTime();
        List<PlanLoader.Loaded> cleanLoaded = inParallel(clean, timed(plain, "parsed and extracted"));
        StartupPhases.done("Corpus: " + clean.size() + " clean plans parsed and extracted", parse);
        List<Plan> cleanPlans = cleanLoaded.stream().map(PlanLoader.Loaded::plan).toList();
        List<PlanLoader.Loaded> loaded = new ArrayList<>(cleanLoaded);
        DiacriticRestorer trained = null;
        if (!ocr.isEmpty()) {
            long train = System.nanoTime();
            trained = OcrRestorerTraining.train(training(cleanPlans, ocr, plain), faqs, agencies, provinces);
            StartupPhases.done("Corpus: OCR restorer trained", train);
            long restore = System.nanoTime();
            loaded.addAll(inParallel(ocr, timed(plain.withRestorer(trained::restore), "restored, parsed and extracted")));
            StartupPhases.done("Corpus: " + ocr.size() + " OCR plans restored, parsed and extracted", restore);
        }
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < sheets.size(); i++) {
            order.put(id(sheets.get(i)), i);
        }
        loaded.sort(java.util.Comparator.comparing(l -> order.get(l.plan().id())));
        DiacriticRestorer ready = trained;
        Supplier<DiacriticRestorer> restorer = ready != null ? () -> ready
                : () -> OcrRestorerTraining.train(training(cleanPlans, List.of(), plain), faqs, agencies, provinces);
        return new Parsed(loaded, restorer);
    }

    /** What the restorer learns from: the clean plans as loaded, then each OCR plan's curated sheet, in sheet order. */
    private static List<Plan> training(List<Plan> clean, List<Path> ocr, PlanLoader loader) {
        List<Plan> training = new ArrayList<>(clean);
        ocr.forEach(sheet -> training.add(loader.curatedOnly(sheet)));
        return training;
    }

    private static Function<Path, PlanLoader.Loaded> timed(PlanLoader loader, String what) {
        return sheet -> {
            long start = System.nanoTime();
            PlanLoader.Loaded l = loader.loadMeasured(sheet);
            StartupPhases.done("Corpus: plan " + l.plan().id() + " " + what, start);
            return l;
        };
    }

    /**
     * {@code work} over every item on all cores, results in the items' order; when several fail, the first
     * item's failure is thrown (as a serial loop would), so a broken corpus always gets the same message.
     */
    static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        List<Object> outcomes = items.parallelStream().map(item -> {
            try {
                return (Object) work.apply(item);
            } catch (RuntimeException | Error e) {
                return new Failure(e);
            }
        }).toList();
        List<R> results = new ArrayList<>(outcomes.size());
        for (Object o : outcomes) {
            if (o instanceof Failure f) {
                if (f.error() instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) f.error();
            }
            @SuppressWarnings("unchecked")
            R r = (R) o;
            results.add(r);
        }
        return results;
    }

    private record Failure(Throwable error) {
    }

    private static String id(Path sheet) {
        return sheet.getFileName().toString().replaceFirst("\\.yaml$", "");
    }
}

package vn.hoidap.upload;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CommittedCorpus;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;
import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.search.LuceneSearcher;
import vn.hoidap.search.Concepts;
import vn.hoidap.text.analysis.Abbreviations;
import vn.hoidap.text.analysis.Stopwords;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one composer of the knowledge: committed corpus + published uploaded plans + console FAQ versions →
 * a new generation with its own search index, built off to the side; and the one swap point
 * ({@link Knowledge#swap}) every reader sees. Publishing tries a candidate first ({@link #candidate}),
 * FAQ edits and unpublishing swap at once.
 */
@Singleton
public class KnowledgeComposer {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeComposer.class);

    private final CommittedCorpus base;
    private final Knowledge live;
    private final Abbreviations abbreviations;
    private final Stopwords stopwords;
    /** The start-up index's concept lexicon (read once there): a composed generation must match paraphrases alike. */
    private final Concepts concepts;
    private final ApplicationEventPublisher<KnowledgeChanged> events;
    /** What the live generation was composed from. */
    private volatile List<FaqEntry> faqs;
    private volatile Map<String, PlanLoader.Loaded> uploaded = Map.of();

    KnowledgeComposer(CommittedCorpus base, Knowledge live, CorpusConfig config, LuceneSearcher startup,
                      ApplicationEventPublisher<KnowledgeChanged> events) {
        this.base = base;
        this.live = live;
        this.abbreviations = Abbreviations.load(Path.of(config.dir(), "abbreviations.txt"));
        this.stopwords = Stopwords.load(Path.of(config.dir(), "stopwords.txt"));
        this.concepts = startup.concepts();
        this.events = events;
        this.faqs = base.faqs();
    }

    public CommittedCorpus base() {
        return base;
    }

    public Map<String, PlanLoader.Loaded> uploaded() {
        return uploaded;
    }

    /** A generation nobody reads yet, with its index built: the plans uploaded given, the FAQ entries live now. */
    Knowledge candidate(Map<String, PlanLoader.Loaded> plans) {
        return compose(plans, faqs);
    }

    private Knowledge compose(Map<String, PlanLoader.Loaded> plans, List<FaqEntry> entries) {
        long start = System.nanoTime();
        List<Plan> all = new ArrayList<>(base.plans());
        List<ExtractionReport> reports = new ArrayList<>(base.reports());
        for (PlanLoader.Loaded l : plans.values()) {
            all.add(l.plan());
            reports.add(ExtractionReport.of(l));
        }
        Knowledge next = live.candidate(all, entries, reports, base.buildMillis());
        next.attach(SnapshotSearcher.KEY, new LuceneSearcher(next, abbreviations, stopwords, concepts));
        LOG.info("Knowledge composed: {} plans ({} uploaded), {} FAQ entries, index in {} ms", all.size(), plans.size(),
                entries.size(), (System.nanoTime() - start) / 1_000_000);
        return next;
    }

    /** Swaps in a tried candidate composed from {@code plans}. */
    synchronized void swap(Knowledge candidate, Map<String, PlanLoader.Loaded> plans) {
        live.swap(candidate);
        uploaded = Map.copyOf(new LinkedHashMap<>(plans));
        events.publishEvent(new KnowledgeChanged(plans.size(), faqs.size()));
    }

    /** Console FAQ entries (committed ones merged with the saved versions) made live with the uploaded plans. */
    public synchronized void faqs(List<FaqEntry> entries) {
        this.faqs = List.copyOf(entries);
        Map<String, PlanLoader.Loaded> plans = uploaded;
        live.swap(compose(plans, faqs));
        events.publishEvent(new KnowledgeChanged(plans.size(), faqs.size()));
    }

    /** Uploaded plans made live without a trial (start-up, unpublishing). */
    synchronized void plans(Map<String, PlanLoader.Loaded> plans) {
        swap(compose(plans, faqs), plans);
    }

    public List<FaqEntry> liveFaqs() {
        return faqs;
    }
}

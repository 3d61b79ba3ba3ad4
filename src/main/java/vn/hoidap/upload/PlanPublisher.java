package vn.hoidap.upload;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.PlanLoader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes and withdraws uploaded plans live. Publishing composes a candidate generation (committed corpus +
 * every published upload + this one + the console's FAQ entries) with its own index off to the side, runs
 * the regression gate on it, and swaps it in only when the gate passes; withdrawing swaps in a generation
 * without the plan. At start-up the published uploads are loaded once (no work at all when there are none).
 */
@Singleton
class PlanPublisher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanPublisher.class);

    private final KnowledgeComposer composer;
    private final RegressionRunner regression;
    private final PlanReading reading;
    private final UploadStore store;
    private final Knowledge knowledge;
    /** The published set this replica serves, as {@link UploadStore#publishedFingerprint}; null before the first load. */
    private volatile String seen;

    PlanPublisher(KnowledgeComposer composer, RegressionRunner regression, PlanReading reading, UploadStore store,
                  Knowledge knowledge) {
        this.composer = composer;
        this.regression = regression;
        this.reading = reading;
        this.store = store;
        this.knowledge = knowledge;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            reloadPublished();
        } catch (RuntimeException e) {
            LOG.warn("Uploaded plans not loaded (the database may be away): {}", e.getMessage());
        }
    }

    /**
     * Another replica's publish or withdrawal reaches this one within {@code hoidap.upload.poll} (15 s): the
     * published set is compared by its fingerprint, and only a change composes a new generation.
     */
    @Scheduled(fixedDelay = "${hoidap.upload.poll:15s}", initialDelay = "${hoidap.upload.poll:15s}")
    void pollOtherReplicas() {
        try {
            if (!store.publishedFingerprint().equals(seen)) {
                reloadPublished();
            }
        } catch (RuntimeException e) {
            LOG.warn("Uploaded plans poll failed (the database may be away): {}", e.getMessage());
        }
    }

    /** Loads every published upload and makes exactly that set live (no work when nothing changed). */
    void reloadPublished() {
        synchronized (composer) {
            String fingerprint = store.publishedFingerprint();
            Map<String, PlanLoader.Loaded> plans = new LinkedHashMap<>();
            for (UploadStore.Row r : store.published()) {
                if (committedId(r.id())) {
                    LOG.warn("Uploaded plan {} is now in the committed corpus: the committed files are served", r.id());
                    continue;
                }
                try {
                    plans.put(r.id(), loaded(r));
                } catch (RuntimeException e) {
                    LOG.error("Uploaded plan {} cannot be loaded and is not served: {}", r.id(), e.getMessage());
                }
            }
            if (!plans.keySet().equals(composer.uploaded().keySet()) || seen != null && !fingerprint.equals(seen)) {
                composer.plans(plans);
                LOG.info("Uploaded plans live: {}", plans.keySet());
            }
            seen = fingerprint;
        }
    }

    boolean committedId(String id) {
        return composer.base().plans().stream().anyMatch(p -> p.id().equals(id));
    }

    PlanLoader.Loaded loaded(UploadStore.Row r) {
        PlanDraft draft = SheetFiles.fromJson(r.sheet(), PlanDraft.class);
        return reading.reviewed(draft, r.text(), r.fileName());
    }

    /** The gate on this upload as it would be published, without publishing it (an admin's on-demand run). */
    RegressionReport check(UploadStore.Row r) {
        PlanLoader.Loaded l = loaded(r);
        synchronized (composer) {
            Map<String, PlanLoader.Loaded> plans = new LinkedHashMap<>(composer.uploaded());
            plans.put(r.id(), l);
            Knowledge candidate = composer.candidate(plans);
            return regression.run(candidate, Probes.of(l.plan(), knowledge.agencies()));
        }
    }

    /** Refuses (409) a plan still read by OCR or whose reading failed: there is nothing to publish. */
    void requirePublishable(UploadStore.Row r) {
        if ("processing".equals(r.status()) || "failed".equals(r.status()) || r.sheet() == null) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch chưa đọc xong hoặc đọc lỗi, chưa đăng được.");
        }
    }

    /** Publishes when the gate passes; the report either way. */
    RegressionReport publish(UploadStore.Row r, String actor) {
        return publish(r, actor, RegressionRunner.Progress.NONE);
    }

    /**
     * The gate on a candidate generation, then — when it passes — the row marked published and the candidate
     * swapped in, in that order: a failure or a restart before the row is written leaves nothing published,
     * and a restart after it loads the plan the gate passed (the swap itself is in memory).
     */
    RegressionReport publish(UploadStore.Row r, String actor, RegressionRunner.Progress progress) {
        requirePublishable(r);
        PlanLoader.Loaded l = loaded(r);
        synchronized (composer) {
            Map<String, PlanLoader.Loaded> plans = new LinkedHashMap<>(composer.uploaded());
            plans.put(r.id(), l);
            Knowledge candidate = composer.candidate(plans);
            RegressionReport report = regression.run(candidate, Probes.of(l.plan(), knowledge.agencies()), progress);
            if (!report.passed()) {
                store.update(r.id(), actor, "plan.publish.refused", null, null, null, null, null, null,
                        SheetFiles.json(report), false);
                return report;
            }
            store.update(r.id(), actor, "plan.publish", "published", null, null, null, null, null,
                    SheetFiles.json(report), true);
            composer.swap(candidate, plans);
            seen = store.publishedFingerprint();
            return report;
        }
    }

    void unpublish(UploadStore.Row r, String actor) {
        synchronized (composer) {
            Map<String, PlanLoader.Loaded> plans = new LinkedHashMap<>(composer.uploaded());
            if (plans.remove(r.id()) != null) {
                composer.plans(plans);
            }
            store.update(r.id(), actor, "plan.unpublish", "unpublished", null, null, null, null, null, null, false);
            seen = store.publishedFingerprint();
        }
    }
}

package vn.hoidap.console;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CommittedCorpus;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.upload.KnowledgeComposer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes console FAQ entries live: the committed {@code corpus/faq} entries are the base, the latest saved
 * version of an id overrides the committed entry of that id (or adds a new one), a deleted version hides it.
 * The merged list goes to {@link KnowledgeComposer#faqs}, which composes a new generation of the knowledge (with
 * the published uploaded plans) and its index off to the side and swaps it in whole, so no query fails and no
 * restart is needed. With no saved version the committed generation built at start-up is already right: no
 * second index is built. Other replicas notice a save within
 * {@code hoidap.console.faq-poll} (default 15 s) by the number of saved versions.
 */
@Singleton
public final class FaqOverlay implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FaqOverlay.class);

    private final CommittedCorpus base;
    private final KnowledgeComposer composer;
    private final FaqVersionRepository versions;
    private final JsonMapper json;
    private volatile long seenVersions = -1;
    private volatile List<FaqEntry> live;

    FaqOverlay(CommittedCorpus base, KnowledgeComposer composer, FaqVersionRepository versions, JsonMapper json) {
        this.base = base;
        this.composer = composer;
        this.versions = versions;
        this.json = json;
        this.live = base.faqs();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        refresh();
    }

    /** Re-reads the saved versions and rebuilds the index with the merged entries. */
    synchronized void refresh() {
        long count = versions.versions();
        Map<String, FaqEntry> merged = new LinkedHashMap<>();
        base.faqs().forEach(f -> merged.put(f.id(), f));
        int edited = 0;
        for (FaqVersion v : versions.latest()) {
            edited++;
            if (v.deleted()) {
                merged.remove(v.key().id());
            } else {
                FaqEntry committed = base.faqs().stream().filter(f -> f.id().equals(v.key().id())).findFirst().orElse(null);
                merged.put(v.key().id(), entry(v, committed));
            }
        }
        List<FaqEntry> entries = List.copyOf(merged.values());
        if (edited > 0 || seenVersions > 0) {
            composer.faqs(entries);
        }
        live = entries;
        seenVersions = count;
        LOG.info("FAQ: {} entries live ({} committed, {} edited in the console)", entries.size(), base.faqs().size(), edited);
    }

    @Scheduled(fixedDelay = "${hoidap.console.faq-poll:15s}", initialDelay = "${hoidap.console.faq-poll:15s}")
    void pollOtherReplicas() {
        try {
            if (versions.versions() != seenVersions) {
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.warn("FAQ poll failed (the database may be away): {}", e.getMessage());
        }
    }

    public List<FaqEntry> live() {
        return live;
    }

    boolean committed(String id) {
        return base.faqs().stream().anyMatch(f -> f.id().equals(id));
    }

    /** A saved version as the assistant's FAQ entry; an override keeps the committed entry's plan link. */
    FaqEntry entry(FaqVersion v, FaqEntry committed) {
        return new FaqEntry(v.key().id(), v.question(), alternates(v.alternates()), v.answer(), v.topic(), v.audience(),
                v.basis(), committed == null ? null : committed.basisPlanId(),
                committed == null ? null : committed.basisSection());
    }

    List<String> alternates(String jsonArray) {
        try {
            List<String> list = json.readValue(jsonArray, Argument.listOf(String.class));
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable phrasings in faq_version", e);
        }
    }

    String toJson(List<String> phrasings) {
        try {
            return json.writeValueAsString(new ArrayList<>(phrasings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

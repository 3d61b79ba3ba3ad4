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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes console FAQ entries live: the committed {@code corpus/faq} entries are the base, the latest saved
 * version of an id overrides the committed entry of that id (or adds a new one), a deleted version hides it.
 * The merged list goes to {@link KnowledgeComposer#faqs}, which composes a new generation of the knowledge (with
 * the published uploaded plans) and its index off to the side and swaps it in whole, so no query fails and no
 * restart is needed. With no saved version the committed generation built at start-up is already right: no
 * second index is built. Other replicas notice a save within
 * {@code hoidap.console.faq-poll} (default 15 s) by the number of saved versions.
 *
 * <p>A change reads only what changed: the ids saved since the last read (a {@code saved_at} watermark: the time
 * of that read, less {@link #OVERLAP} for clocks of other replicas and saves that commit late), merged into the
 * versions already known by id. Versions of an id are numbered 1, 2, 3 …, so the known versions add up to the table's count
 * exactly when none is missing; when they do not (a save older than the overlap, a row removed by hand), every
 * latest version is read again.
 */
@Singleton
public final class FaqOverlay implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FaqOverlay.class);
    /** How far before the watermark a read looks again. */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    private final CommittedCorpus base;
    private final KnowledgeComposer composer;
    private final FaqVersionRepository versions;
    private final JsonMapper json;
    private volatile long seenVersions = -1;
    private volatile List<FaqEntry> live;
    /** The latest known version of every edited id, by id (the order new entries join in); guarded by this. */
    private final Map<String, FaqVersion> known = new TreeMap<>();
    private Instant watermark;
    private volatile int lastRead;

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

    /** Reads the versions saved since the last read and rebuilds the index with the merged entries. */
    synchronized void refresh() {
        Instant readAt = Instant.now();
        long count = versions.versions();
        List<FaqVersion> read = watermark == null ? versions.latest() : versions.latestSince(watermark.minus(OVERLAP));
        int rows = read.size();
        read.forEach(this::learn);
        if (knownVersions() != count) {
            LOG.info("FAQ: {} saved versions, {} known: reading every entry again", count, knownVersions());
            known.clear();
            List<FaqVersion> all = versions.latest();
            rows += all.size();
            all.forEach(this::learn);
        }
        lastRead = rows;
        watermark = readAt;
        Map<String, FaqEntry> committed = new LinkedHashMap<>();
        base.faqs().forEach(f -> committed.put(f.id(), f));
        Map<String, FaqEntry> merged = new LinkedHashMap<>(committed);
        for (FaqVersion v : known.values()) {
            if (v.deleted()) {
                merged.remove(v.key().id());
            } else {
                merged.put(v.key().id(), entry(v, committed.get(v.key().id())));
            }
        }
        List<FaqEntry> entries = List.copyOf(merged.values());
        if (!known.isEmpty() || seenVersions > 0) {
            composer.faqs(entries);
        }
        live = entries;
        seenVersions = count;
        LOG.info("FAQ: {} entries live ({} committed, {} edited in the console; {} versions read)", entries.size(),
                base.faqs().size(), known.size(), rows);
    }

    private void learn(FaqVersion v) {
        known.merge(v.key().id(), v, (a, b) -> a.key().version() >= b.key().version() ? a : b);
    }

    /** Versions of an id are 1 … n: the latest known of each adds up to the number of saved rows. */
    private long knownVersions() {
        return known.values().stream().mapToLong(v -> v.key().version()).sum();
    }

    /** How many saved versions the last refresh read (the changed ids, not every id). */
    int lastRead() {
        return lastRead;
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

package vn.hoidap.assistant.intent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.StartupPhases;
import vn.hoidap.corpus.CorpusPreload;
import vn.hoidap.corpus.DerivedCache;
import vn.hoidap.corpus.Preload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The intent model of a corpus at start-up: read from the derived-data cache when the corpus and the code
 * are those it was trained from, else trained and stored there; trained on its own thread while the plans
 * are parsed when {@code Application.main} preloads it.
 */
public final class IntentModels {

    private static final Logger LOG = LoggerFactory.getLogger(IntentModels.class);
    static final String CACHED_MODEL = "intent-model";
    private static final Preload<IntentClassifier> PRELOAD = new Preload<>("The intent model");

    /** What the cache keeps: the model's parameters and the intents it knows. */
    record Cached(byte[] model, List<String> intents) implements java.io.Serializable {
    }

    private IntentModels() {
    }

    /** Starts training (or reading) the model of {@code corpusDir/intents} on its own thread. */
    public static void preload(Path corpusDir, String cacheDir) {
        PRELOAD.start(CorpusPreload.key(corpusDir, cacheDir), "intent-preload",
                () -> build(corpusDir, DerivedCache.at(cacheDir, corpusDir)));
    }

    /** The preloaded model for these folders, else one built now. */
    static IntentClassifier forCorpus(Path corpusDir, String cacheDir) {
        return PRELOAD.take(CorpusPreload.key(corpusDir, cacheDir))
                .orElseGet(() -> build(corpusDir, DerivedCache.at(cacheDir, corpusDir)));
    }

    static IntentClassifier build(Path corpusDir, DerivedCache cache) {
        Path dir = corpusDir.resolve("intents");
        long start = System.nanoTime();
        Optional<IntentClassifier> cached = cache.read(CACHED_MODEL, Cached.class).flatMap(c -> {
            try {
                return Optional.of(IntentClassifier.ofModel(c.model(), new TreeSet<>(c.intents())));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Derived-data cache: the intent model does not read back ({}); training it", e.toString());
                return Optional.empty();
            }
        });
        if (cached.isPresent()) {
            StartupPhases.done("Intent model: " + cached.get().intents().size() + " intents read from the derived-data cache", start);
            return cached.get();
        }
        IntentClassifier classifier = IntentClassifier.train(dir);
        StartupPhases.done("Intent model: " + classifier.intents().size() + " intents trained from "
                + dir.toAbsolutePath().normalize(), start);
        if (cache.enabled()) {
            cache.write(CACHED_MODEL, new Cached(classifier.modelBytes(), List.copyOf(new TreeSet<>(classifier.intents()))));
        }
        return classifier;
    }
}

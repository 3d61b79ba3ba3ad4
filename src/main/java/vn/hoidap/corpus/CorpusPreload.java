package vn.hoidap.corpus;

import java.nio.file.Path;
import java.util.Optional;

/** The committed corpus built ahead of the application context ({@link Preload}), cache first. */
public final class CorpusPreload {

    private static final Preload<CommittedCorpus> CORPUS = new Preload<>("The corpus");

    private CorpusPreload() {
    }

    /** @param cacheDir the derived-data folder ({@code hoidap.corpus.cache-dir}); blank for none */
    public static void start(Path corpusDir, String cacheDir) {
        CORPUS.start(key(corpusDir, cacheDir), "corpus-preload",
                () -> KnowledgeFactory.load(corpusDir, DerivedCache.at(cacheDir, corpusDir)));
    }

    static Optional<CommittedCorpus> take(Path corpusDir, String cacheDir) {
        return CORPUS.take(key(corpusDir, cacheDir));
    }

    /** The corpus and derived-data folders as one key (absolute, normalised; blank for no cache). */
    public static String key(Path corpusDir, String cacheDir) {
        String cache = cacheDir == null || cacheDir.isBlank() ? "" : Path.of(cacheDir).toAbsolutePath().normalize().toString();
        return corpusDir.toAbsolutePath().normalize() + " | cache " + cache;
    }
}

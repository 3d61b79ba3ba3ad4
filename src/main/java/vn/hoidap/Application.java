package vn.hoidap;

import io.micronaut.runtime.Micronaut;
import vn.hoidap.assistant.intent.IntentModels;
import vn.hoidap.corpus.CorpusPreload;
import vn.hoidap.system.DatabaseBootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Starts the service. The database is chosen before the application context exists because the
 * datasource, Flyway and the query log all need a URL at start-up: a configured server is checked for
 * reachability (so a wrong URL fails in seconds, not after a pool time-out), otherwise an embedded
 * PostgreSQL is started with a persistent data directory.
 *
 * <p>The corpus and the intent model do not depend on the database: they are started first, each on its
 * own thread ({@link CorpusPreload}, {@link IntentModels#preload}), so they are built (or read from the
 * derived-data cache) while PostgreSQL starts, Micronaut reads its bean definitions and Flyway migrates;
 * their beans take the results. The folders are resolved here as {@code application.yml} resolves them; a
 * bean configured otherwise builds its own.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Path corpus = Path.of(corpusDir(System.getenv(), System.getProperties()));
        String cache = cacheDir(System.getenv(), System.getProperties());
        CorpusPreload.start(corpus, cache);
        IntentModels.preload(corpus, cache);
        DatabaseBootstrap.Choice database;
        try {
            database = DatabaseBootstrap.choose(System.getenv(), System.getProperties());
        } catch (DatabaseBootstrap.DatabaseUnavailableException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        StartupPhases.done("Database chosen (an embedded PostgreSQL starting in the background)", start);
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.properties())
                .start();
        StartupPhases.done("Application context started", start);
    }

    /** {@code hoidap.corpus.dir}: {@code ${HOIDAP_CORPUS_DIR:corpus}}. */
    static String corpusDir(Map<String, String> env, Properties system) {
        return first(system.getProperty("hoidap.corpus.dir"), env.get("HOIDAP_CORPUS_DIR"), "corpus");
    }

    /** {@code hoidap.corpus.cache-dir}: {@code ${HOIDAP_DATA_DIR:./data}/corpus-cache}. */
    static String cacheDir(Map<String, String> env, Properties system) {
        if (system.getProperty("hoidap.corpus.cache-dir") != null) {
            return system.getProperty("hoidap.corpus.cache-dir"); // blank: no cache
        }
        if (env.get("HOIDAP_CORPUS_CACHE_DIR") != null) {
            return env.get("HOIDAP_CORPUS_CACHE_DIR");
        }
        return first(env.get("HOIDAP_DATA_DIR"), "./data") + "/corpus-cache";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

package vn.hoidap;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The folders main() preloads from are those application.yml gives the beans. */
class ApplicationTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void theCorpusFolderIsTheSystemPropertyThenTheEnvironmentThenCorpus() {
        assertEquals("corpus", Application.corpusDir(Map.of(), props()));
        assertEquals("/srv/corpus", Application.corpusDir(Map.of("HOIDAP_CORPUS_DIR", "/srv/corpus"), props()));
        assertEquals("/x", Application.corpusDir(Map.of("HOIDAP_CORPUS_DIR", "/srv/corpus"), props("hoidap.corpus.dir", "/x")));
    }

    @Test
    void theCacheFolderFollowsTheDataFolderUnlessSetAndABlankOneTurnsItOff() {
        assertEquals("./data/corpus-cache", Application.cacheDir(Map.of(), props()));
        assertEquals("/var/hoidap/corpus-cache", Application.cacheDir(Map.of("HOIDAP_DATA_DIR", "/var/hoidap"), props()));
        assertEquals("/c", Application.cacheDir(Map.of("HOIDAP_DATA_DIR", "/var/hoidap", "HOIDAP_CORPUS_CACHE_DIR", "/c"), props()));
        assertEquals("", Application.cacheDir(Map.of("HOIDAP_DATA_DIR", "/var/hoidap"), props("hoidap.corpus.cache-dir", "")));
    }
}

package vn.hoidap.assistant.intent;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import vn.hoidap.corpus.CorpusConfig;

import java.nio.file.Path;

/**
 * Trains the intent model once, eagerly at start-up (a singleton in the {@code @Context} scope), so a
 * broken intents folder stops the service with a clear message instead of failing the first question.
 */
@Factory
class IntentClassifierFactory {

    @Context
    IntentClassifier intentClassifier(CorpusConfig config, @Value("${hoidap.corpus.cache-dir:}") String cacheDir) {
        // preloaded, or read from the derived-data cache, or trained (IntentModels logs which)
        return IntentModels.forCorpus(Path.of(config.dir()), cacheDir);
    }
}

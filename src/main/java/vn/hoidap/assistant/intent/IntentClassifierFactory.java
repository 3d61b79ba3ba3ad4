package vn.hoidap.assistant.intent;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CorpusConfig;

import java.nio.file.Path;

/**
 * Trains the intent model once, eagerly at start-up (a singleton in the {@code @Context} scope), so a
 * broken intents folder stops the service with a clear message instead of failing the first question.
 */
@Factory
class IntentClassifierFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IntentClassifierFactory.class);

    @Context
    IntentClassifier intentClassifier(CorpusConfig config) {
        Path dir = Path.of(config.dir()).resolve("intents");
        long start = System.nanoTime();
        IntentClassifier classifier = IntentClassifier.train(dir);
        LOG.info("Intent model: {} intents trained from {} in {} ms", classifier.intents().size(),
                dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }
}

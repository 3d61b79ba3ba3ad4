package vn.hoidap.assistant.intent;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
class IntentClassifierFactoryTest {

    @Inject
    IntentClassifier classifier;

    @Inject
    IntentClassifier again;

    @Test
    void trainsOneClassifierFromTheConfiguredCorpus() {
        assertSame(classifier, again);
        assertTrue(classifier.intents().contains("out_of_scope"));
        assertEquals("task_who", classifier.classify("Đơn vị nào chủ trì nhiệm vụ này?").intent());
    }
}

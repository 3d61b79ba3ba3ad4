package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import vn.hoidap.corpus.Knowledge;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A developer's probe, not a test (no "Test" suffix: surefire skips it unless named): for each question of the
 * file named by -Dprobe.file, the FAQ entries the answerer weighed, the parts of their scores, and the answer.
 */
@MicronautTest(startApplication = false)
class FaqProbe {

    @Inject
    AssistantService service;
    @Inject
    FaqAnswerer faqs;
    @Inject
    Knowledge knowledge;

    @Test
    void probe() throws Exception {
        FaqDistinctions distinctions = FaqDistinctions.of(knowledge.faqs(), questionWords);
        for (String line : Files.readAllLines(Path.of(System.getProperty("probe.file")))) {
            if (line.isBlank()) {
                continue;
            }
            Understanding u = service.understand(line.strip(), DialogueState.EMPTY, null);
            System.out.println("FAQPROBE >> " + line.strip() + "  intent=" + u.intent() + " content=[" + u.placeContent() + "]");
            System.out.println("FAQPROBE    distinctive=" + distinctions.distinctive(u.placeContent()).units());
            for (FaqAnswerer.Ranked r : faqs.ranked(u, u.placeContent())) {
                System.out.printf("FAQPROBE    %.3f phr=%.3f dis=%.3f rare=%s conf=%.3f %s%n", r.score(), r.phrasing(),
                        r.distinction(), r.holdsRarest(), r.confidence(), r.entry().id());
            }
            Answer a = service.answer(new Question(line.strip(), "faqprobe-" + System.nanoTime(), "probe"));
            System.out.println("FAQPROBE    => fb=" + a.fallback() + " conf=" + a.confidence() + " "
                    + a.text().lines().findFirst().orElse(""));
        }
    }

    @Inject
    ContentWords questionWords;
}

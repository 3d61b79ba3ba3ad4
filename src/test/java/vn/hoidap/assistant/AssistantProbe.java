package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A developer's probe, not a test (surefire does not pick it up: no "Test" suffix): prints how the assistant
 * reads each question of the file named by -Dprobe.file (one per line; "|" separates turns), and what it answers.
 */
@MicronautTest
class AssistantProbe {

    @Inject
    AssistantService service;
    @Inject
    DialogueStateStore states;
    @Inject
    Candidates candidates;

    @Test
    void probe() throws Exception {
        for (String line : Files.readAllLines(Path.of(System.getProperty("probe.file")))) {
            if (line.isBlank()) {
                continue;
            }
            String session = "probe-" + System.nanoTime();
            for (String turn : line.split("\\|")) {
                DialogueState before = states.get(session);
                Understanding u = service.understand(turn.strip(), before, null);
                System.out.println("PROBE >> " + turn.strip());
                System.out.println("PROBE    intent=" + u.intent() + " " + u.intentConfidence() + " facet=" + u.facet()
                        + " specifics=" + u.specifics() + " province=" + u.province() + " agency="
                        + (u.agency() == null ? null : u.agency().id()) + " unknownAgency=" + u.unknownAgency()
                        + " followUp=" + u.followUp() + "/" + u.unitFollowUp());
                System.out.println("PROBE    content=[" + u.content() + "] subject=[" + u.subject() + "] plans="
                        + u.plans().stream().map(p -> p.id()).toList());
                for (var s : candidates.find(u.content(), u.plans(), vn.hoidap.search.UnitType.TASK, 3, u.ownPlanIds())) {
                    System.out.printf("PROBE    task %.3f %s %s%n", s.coverage(), s.hit().planId(), s.hit().title());
                }
                Answer a = service.answer(new Question(turn.strip(), session, "probe"));
                System.out.println("PROBE    => fb=" + a.fallback() + " conf=" + a.confidence() + " "
                        + a.text().lines().findFirst().orElse(""));
            }
        }
    }
}

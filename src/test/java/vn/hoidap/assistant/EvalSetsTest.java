package vn.hoidap.assistant;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every question set in corpus/eval/*.jsonl through the real assistant, graded as ../shared/eval/score.py
 * grades (folded substring groups in the answer and its sources; {@code fallback} false in scope, true for
 * {@code oos}; {@code turns} share a session), with a floor per set: CI catches a drop in quality. The floor
 * is a score, never a time.
 */
@MicronautTest
class EvalSetsTest {

    /** Sets the assistant was developed on are held to more than sets it has never seen. */
    private static final Map<String, Double> FLOORS = Map.of("dev.jsonl", 0.95, "dev2.jsonl", 0.97,
            "assistant-extra.jsonl", 0.95, "heldout.jsonl", 0.95,
            // written later by other writers who read neither the code nor the other sets; once worked on,
            // a set is a development set like the others
            "heldout2.jsonl", 0.95, "heldout3.jsonl", 0.93, "heldout4.jsonl", 0.93,
            // the fifth such set, written this session and never shown to whoever changed the assistant
            "heldout5.jsonl", 0.86);
    private static final double DEFAULT_FLOOR = 0.8;

    @Inject
    Assistant assistant;

    @Inject
    JsonMapper json;

    @TestFactory
    Stream<DynamicTest> everySetMeetsItsFloor() throws IOException {
        Path dir = Path.of("corpus", "eval");
        List<Path> sets;
        try (Stream<Path> files = Files.list(dir)) {
            sets = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(!sets.isEmpty(), "question sets in " + dir.toAbsolutePath());
        return sets.stream().map(set -> DynamicTest.dynamicTest(set.getFileName().toString(), () -> run(set)));
    }

    @SuppressWarnings("unchecked")
    private void run(Path set) throws IOException {
        int passed = 0;
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> item = json.readValue(line, Map.class);
            List<String> turns = item.get("turns") instanceof List<?> t ? (List<String>) t : List.of((String) item.get("q"));
            String session = "eval-" + UUID.randomUUID();
            Answer last = null;
            for (String turn : turns) {
                last = assistant.answer(new Question(turn, session, "eval"));
            }
            total++;
            if (grade(item, last)) {
                passed++;
            } else {
                failures.add(item.get("id") + ": fallback=" + last.fallback() + " " + last.text().lines().findFirst().orElse(""));
            }
        }
        double score = total == 0 ? 1 : (double) passed / total;
        double floor = FLOORS.getOrDefault(set.getFileName().toString(), DEFAULT_FLOOR);
        System.out.printf("eval %s: %d/%d = %.3f (floor %.2f)%n", set.getFileName(), passed, total, score, floor);
        failures.forEach(f -> System.out.println("  fail " + set.getFileName() + " " + f));
        assertTrue(score >= floor, String.format("%s scored %.3f < %.2f; failures:%n%s", set.getFileName(), score,
                floor, String.join("\n", failures)));
    }

    @SuppressWarnings("unchecked")
    static boolean grade(Map<String, Object> item, Answer a) {
        if (Boolean.TRUE.equals(item.get("oos"))) {
            return a.fallback();
        }
        if (a.fallback()) {
            return false;
        }
        StringBuilder sb = new StringBuilder(a.text());
        for (Source s : a.sources()) {
            sb.append('\n').append(s.title()).append(' ').append(s.section()).append(' ').append(s.snippet());
        }
        String text = fold(sb.toString());
        for (List<String> group : (List<List<String>>) item.getOrDefault("all", List.of())) {
            if (group.stream().noneMatch(alt -> text.contains(fold(alt)))) {
                return false;
            }
        }
        for (String bad : (List<String>) item.getOrDefault("none", List.of())) {
            if (text.contains(fold(bad))) {
                return false;
            }
        }
        return true;
    }

    /** As score.py folds: đ → d, no combining marks, lower case, runs of whitespace as one space. */
    static String fold(String s) {
        String t = (s == null ? "" : s).replace('đ', 'd').replace('Đ', 'D');
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
        return t.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}

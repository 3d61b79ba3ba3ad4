package vn.hoidap.assistant.intent;

import opennlp.tools.doccat.DoccatCrossValidator;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the intent model on the committed examples by 10-fold cross-validation (shuffled with a fixed
 * seed, so the number is reproducible) and prints overall and per-intent accuracy.
 */
class IntentCrossValidationTest {

    private static final int FOLDS = 10;
    private static final long SEED = 20_260_101L;
    private static final List<IntentExample> EXAMPLES = IntentExamples.load(Path.of("corpus/intents"));

    @Test
    void everyIntentHasAtLeastFortyExamplesWithAndWithoutDiacritics() {
        Map<String, List<IntentExample>> byIntent = EXAMPLES.stream()
                .collect(Collectors.groupingBy(IntentExample::intent, TreeMap::new, Collectors.toList()));
        byIntent.forEach((intent, examples) -> {
            assertTrue(examples.size() >= 40, intent + " has only " + examples.size() + " examples");
            assertTrue(examples.stream().anyMatch(e -> Fold.hasDiacritics(e.text())), intent + ": none with diacritics");
            assertTrue(examples.stream().filter(e -> !Fold.hasDiacritics(e.text())).count() >= 5,
                    intent + ": fewer than 5 examples without diacritics");
        });
    }

    @Test
    void crossValidatedAccuracyIsAtLeastNinetyPercent() {
        List<IntentExample> shuffled = new ArrayList<>(EXAMPLES);
        Collections.shuffle(shuffled, new Random(SEED));
        Map<String, int[]> perIntent = new TreeMap<>(); // intent → {correct, total}
        List<String> errors = new ArrayList<>();
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<IntentExample> train = new ArrayList<>();
            List<IntentExample> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % FOLDS == fold ? test : train).add(shuffled.get(i));
            }
            IntentClassifier classifier = IntentClassifier.train(train);
            for (IntentExample e : test) {
                String predicted = classifier.classify(e.text()).intent();
                int[] counts = perIntent.computeIfAbsent(e.intent(), k -> new int[2]);
                counts[1]++;
                if (predicted.equals(e.intent())) {
                    counts[0]++;
                    correct++;
                } else {
                    errors.add(e.intent() + " → " + predicted + ": " + e.text());
                }
            }
        }
        double accuracy = (double) correct / shuffled.size();
        StringBuilder report = new StringBuilder(String.format("Intent %d-fold cross-validation: %d/%d = %.1f%%%n",
                FOLDS, correct, shuffled.size(), 100 * accuracy));
        perIntent.forEach((intent, c) -> report.append(String.format("  %-14s %3d/%3d = %5.1f%%%n",
                intent, c[0], c[1], 100.0 * c[0] / c[1])));
        report.append("Misclassified:").append(System.lineSeparator());
        errors.forEach(e -> report.append("  ").append(e).append(System.lineSeparator()));
        System.out.print(report);
        assertTrue(accuracy >= 0.90, report::toString);
    }

    /** OpenNLP's own evaluator on the same shuffled order, as a check on the hand-written folds above. */
    @Test
    void openNlpCrossValidatorAgrees() throws IOException {
        List<IntentExample> shuffled = new ArrayList<>(EXAMPLES);
        Collections.shuffle(shuffled, new Random(SEED));
        List<DocumentSample> samples = shuffled.stream()
                .map(e -> new DocumentSample(e.intent(), IntentTokens.of(e.text()))).toList();
        DoccatCrossValidator validator = new DoccatCrossValidator(IntentClassifier.LANGUAGE,
                IntentClassifier.trainingParameters(), IntentClassifier.featureFactory());
        validator.evaluate(ObjectStreamUtils.createObjectStream(samples), FOLDS);
        System.out.printf("DoccatCrossValidator %d-fold: %.1f%% of %d%n", FOLDS,
                100 * validator.getDocumentAccuracy(), validator.getDocumentCount());
        assertTrue(validator.getDocumentAccuracy() >= 0.90, "accuracy " + validator.getDocumentAccuracy());
    }
}

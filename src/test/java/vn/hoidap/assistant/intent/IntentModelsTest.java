package vn.hoidap.assistant.intent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.corpus.DerivedCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The intent model read back from the derived-data cache predicts exactly what the trained one predicts. */
class IntentModelsTest {

    private static final Path CORPUS = Path.of("corpus");

    @TempDir
    Path cacheDir;

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(IntentExamples.load(CORPUS.resolve("intents")).stream().map(IntentExample::text).toList());
        texts.addAll(List.of("Sở nào chủ trì nhiệm vụ chuyển đổi số?", "Đến năm 2025 đạt bao nhiêu phần trăm?",
                "xin chào", "Kế hoạch 179 ai ký?", "", "giá vàng hôm nay"));
        return texts;
    }

    private static void assertSamePredictions(IntentClassifier expected, IntentClassifier actual) {
        assertEquals(expected.intents(), actual.intents());
        for (String t : texts()) {
            assertEquals(expected.classify(t), actual.classify(t), t); // every score, to the last bit
        }
    }

    @Test
    void theModelsBytesPredictWhatTheTrainedModelPredicts() throws IOException {
        IntentClassifier trained = IntentClassifier.train(CORPUS.resolve("intents"));
        assertSamePredictions(trained, IntentClassifier.ofModel(trained.modelBytes(), trained.intents()));
    }

    @Test
    void aRestartReadsTheCachedModelAndACorruptOneIsRetrained() throws IOException {
        DerivedCache cache = DerivedCache.at(cacheDir.toString(), CORPUS);
        IntentClassifier trained = IntentModels.build(CORPUS, cache);
        try (var files = Files.list(cacheDir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith(IntentModels.CACHED_MODEL)).count());
        }
        assertSamePredictions(trained, IntentModels.build(CORPUS, cache));

        try (var files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                Files.writeString(f, "garbage");
            }
        }
        assertSamePredictions(trained, IntentModels.build(CORPUS, cache));
    }
}

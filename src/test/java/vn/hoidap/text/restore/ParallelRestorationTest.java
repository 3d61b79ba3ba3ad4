package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A whole OCR plan is decoded clause by clause on all cores: the text must be what one thread makes of it. */
class ParallelRestorationTest {

    private static String read(String name) throws IOException {
        return Files.readString(Path.of("corpus/plans", name), StandardCharsets.UTF_8);
    }

    @Test
    void aWholeOcrPlanRestoresTheSameOnAllCoresAsOnOne() throws IOException {
        String draft = read("dong-nai-2022-draft.txt");
        String ocr = read("dong-nai-2022.txt");
        DiacriticRestorer restorer = DiacriticRestorer.builder().cleanText(read("binh-dinh-2022.txt"))
                .cleanText(draft).ocrSample(ocr, draft).build();
        String parallel = restorer.restore(ocr);
        assertEquals(restorer.restoreSerially(ocr), parallel);
        // the OCR text was long enough to be decoded in parallel, and restoration did change it
        assertNotEquals(ocr, parallel);
    }
}

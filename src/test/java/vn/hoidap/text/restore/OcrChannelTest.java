package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcrChannelTest {

    @Test
    void flatChannelPrefersDiacriticChangesOverLetterChanges() {
        OcrChannel flat = OcrChannel.flat();
        assertEquals(0, flat.cost("thông", "thông"));
        assertTrue(flat.cost("thong", "thông") < flat.cost("thong", "chong"));
    }

    @Test
    void learnsConfusionsFromAlignedPairs() {
        List<SyllablePair> pairs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            pairs.add(new SyllablePair("pon", "đơn"));
            pairs.add(new SyllablePair("pé", "đề"));
            pairs.add(new SyllablePair("s&", "sở"));
            pairs.add(new SyllablePair("don", "đơn"));
            pairs.add(new SyllablePair("vi", "vị"));
            pairs.add(new SyllablePair("so", "số"));
        }
        OcrChannel channel = OcrChannel.learn(pairs);
        assertEquals("đơn", best(channel, "pon", List.of("đơn", "pôn", "bơn", "tơn")));
        assertEquals("sở", best(channel, "s&", List.of("sở", "sa", "sẽ")));
        // Generalises from "pé" → "đề" and "pon" → "đơn": "P" standing for "Đ" in a syllable never seen.
        assertTrue(channel.cost("pao", "đào") < channel.cost("pao", "bào"));
    }

    private static String best(OcrChannel channel, String ocr, List<String> candidates) {
        return candidates.stream().min(Comparator.comparingDouble(c -> channel.cost(ocr, c))).orElseThrow();
    }
}

package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateIndexTest {

    private final CandidateIndex index = new CandidateIndex(Map.of(
            "của", 50, "cửa", 2, "thực", 20, "thức", 10, "đơn", 8, "sở", 12, "số", 30, "kỹ", 5, "năm", 25));

    @Test
    void listsAccentedFormsOfTheFoldedSyllableMostFrequentFirst() {
        assertEquals("thực", index.near("thuc").get(0));
        assertTrue(index.near("thuc").contains("thức"));
    }

    @Test
    void findsSyllablesThatOcrMangled() {
        assertTrue(index.near("ctia").contains("của"));
        assertTrue(index.near("pon").contains("đơn"));
        assertTrue(index.near("s&").contains("sở"));
        assertTrue(index.near("k¥").contains("kỹ"));
        assertTrue(index.near("nim").contains("năm"));
        assertTrue(index.near("thirc").contains("thức"));
    }

    @Test
    void findsNothingForWordsFarFromAnySyllable() {
        assertEquals(0, index.near("xyzzq").size());
    }
}

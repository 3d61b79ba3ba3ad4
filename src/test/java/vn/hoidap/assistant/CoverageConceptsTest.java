package vn.hoidap.assistant;

import org.junit.jupiter.api.Test;
import vn.hoidap.search.Concepts;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage with the concept lexicon: a question's words are covered by a unit that names their concept in
 * other words, with the committed question words removed on both sides first; words outside any concept
 * still count as missing, so a question about something else stays uncovered.
 */
class CoverageConceptsTest {

    private static final ContentWords QUESTION_WORDS = ContentWords.load(Path.of("corpus", "assistant", "question-words.txt"));
    private static final Concepts CONCEPTS = Concepts.load(Path.of("corpus", "concepts.txt"));

    private static Coverage coverage(Concepts concepts) {
        return new Coverage(Map.of(), 1.0, QUESTION_WORDS, Set.of("dong"), concepts);
    }

    @Test
    void aQuestionInOtherWordsIsCoveredThroughItsConcepts() {
        String unit = "Xây dựng chương trình phát thanh phục vụ tuyên truyền qua hệ thống truyền thanh cơ sở";
        String question = QUESTION_WORDS.content("tuyên truyền qua loa phát thanh");
        double without = coverage(Concepts.NONE).of(question, unit);
        double with = coverage(CONCEPTS).of(question, unit);
        // every word is covered ("loa" by its concept) and four pairs of five: "qua loa" straddles the phrase
        assertEquals(1.0 * 0.5 + 0.8 * 0.5, with, 1e-9, "with concepts: " + with);
        assertTrue(without < with, "without concepts: " + without);
    }

    @Test
    void aPhraseHoldingQuestionWordsMatchesOnceTheyAreGone() {
        // "không" and "tự" are question words: "thu phí tự động" and "thu phí không dừng" meet without them
        String question = QUESTION_WORDS.content("thu phí tự động");
        assertEquals(1.0, coverage(CONCEPTS).of(question, "Hệ thống thu phí không dừng trên cao tốc"), 1e-9);
    }

    @Test
    void wordsOutsideTheConceptStillCountAsMissing() {
        String unit = "Biểu dương, tôn vinh và khen thưởng các tổ chức, cá nhân có thành tích";
        double honour = coverage(CONCEPTS).of(QUESTION_WORDS.content("vinh danh"), unit);
        double athletes = coverage(CONCEPTS).of(QUESTION_WORDS.content("vinh danh vận động viên thể thao"), unit);
        assertEquals(1.0, honour, 1e-9);
        assertTrue(athletes < 0.45, "a subject the unit does not hold: " + athletes);
    }
}

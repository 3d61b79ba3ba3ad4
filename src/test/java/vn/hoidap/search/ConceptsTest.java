package vn.hoidap.search;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.CorpusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConceptsTest {

    private final Concepts concepts = new Concepts(List.of(
            List.of("vinh danh", "tôn vinh", "biểu dương"),
            List.of("người giỏi", "nhân tài"),
            List.of("giỏi", "xuất sắc"),
            List.of("thu phí tự động", "thu phí không dừng")));

    @Test
    void phrasesOfOneConceptNameTheSameConceptWithOrWithoutDiacritics() {
        Set<Integer> asked = concepts.in(Concepts.tokens("vinh danh những người"));
        Set<Integer> written = concepts.in(Concepts.tokens("Biểu dương, khen thưởng"));
        assertEquals(Set.of(0), asked);
        assertEquals(asked, written);
        assertEquals(Set.of(0), concepts.in(Concepts.tokens("TON VINH")));
    }

    @Test
    void theLongestPhraseAtAWordWins() {
        int[] marks = concepts.marks(Concepts.tokens("giữ chân người giỏi"));
        assertArrayEquals(new int[] {-1, -1, 1, 1}, marks);
        assertEquals(Set.of(2), concepts.in(Concepts.tokens("cán bộ giỏi")));
    }

    @Test
    void wordsOfAPhraseMustBeWholeAndInOrder() {
        assertTrue(concepts.in(Concepts.tokens("danh sách vinh quang")).isEmpty());
        assertTrue(concepts.in(Concepts.tokens("dương tôn")).isEmpty());
    }

    @Test
    void aMappedLexiconKeepsTheConceptNumbers() {
        // the assistant drops question words ("không", "tự") from both sides before matching
        Concepts reduced = concepts.mapped(p -> p.replace("không ", "").replace("tự ", ""));
        assertEquals(Set.of(3), reduced.in(Concepts.tokens("thu phí động")));
        assertEquals(Set.of(3), reduced.in(Concepts.tokens("thu phí dừng")));
        assertEquals(concepts.size(), reduced.size());
    }

    @Test
    void aPhraseCutToOneSyllableIsLeftOut() {
        // "trọng dụng" without the question word "trong" would be "dụng", which folds as "dựng" does
        Concepts reduced = new Concepts(List.of(List.of("trọng dụng", "thu hút"))).mapped(p -> p.replace("trọng ", ""));
        assertTrue(reduced.in(Concepts.tokens("xây dựng")).isEmpty());
        assertEquals(Set.of(0), reduced.in(Concepts.tokens("thu hút")));
    }

    @Test
    void theCommittedLexiconLoadsAndAMissingOneIsEmpty(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Concepts committed = Concepts.load(Path.of("corpus", "concepts.txt"));
        assertTrue(committed.size() > 20, "concepts: " + committed.size());
        assertEquals(committed.in(Concepts.tokens("tôn vinh")), committed.in(Concepts.tokens("vinh danh")));
        assertNotEquals(committed.in(Concepts.tokens("tôn vinh")), committed.in(Concepts.tokens("loa phát thanh")));
        assertEquals(0, Concepts.load(dir.resolve("none.txt")).size());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "chỉ một cụm\n");
        assertThrows(CorpusException.class, () -> Concepts.load(bad));
    }
}

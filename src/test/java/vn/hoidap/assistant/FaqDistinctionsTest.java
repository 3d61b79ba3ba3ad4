package vn.hoidap.assistant;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.FaqEntry;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tells FAQ entries apart: rarity of words across the entries, numbers and unknown words left out. */
class FaqDistinctionsTest {

    private static final ContentWords QUESTION_WORDS = new ContentWords(
            List.of("là", "gì", "có", "không", "nào", "cho", "thế", "như", "ở", "đâu", "được", "bằng", "cách"));

    private static FaqEntry entry(String id, String question, String answer) {
        return new FaqEntry(id, question, List.of(), answer, "khac", "citizen", "test", null, null);
    }

    /** Twenty entries on online public services, two on "miễn phí", one on fees: as the real corpus is shaped. */
    private static List<FaqEntry> corpus() {
        List<FaqEntry> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(entry("dvc-" + i, "Dịch vụ công trực tuyến câu " + i + " là gì?",
                    "Dịch vụ công trực tuyến trên cổng dịch vụ công quốc gia, mục " + i + "."));
        }
        out.add(entry("cks-mien-phi", "Có chữ ký số miễn phí cho người dân không?", "Chưa có chương trình chữ ký số miễn phí."));
        out.add(entry("kns-mien-phi", "Có khóa học kỹ năng số miễn phí không?", "Có nền tảng học trực tuyến mở, miễn phí."));
        out.add(entry("le-phi", "Nộp lệ phí dịch vụ công trực tuyến được không?", "Được, thanh toán qua ngân hàng."));
        return out;
    }

    @Test
    void wordsMostEntriesShareAreNoDistinction() {
        FaqDistinctions d = FaqDistinctions.of(corpus(), QUESTION_WORDS);
        FaqDistinctions.Distinctive q = d.distinctive("nộp lệ phí dịch vụ công trực tuyến");
        assertTrue(q.units().stream().noneMatch(u -> u.folded().equals("dich") || u.folded().equals("tuyen")),
                q.units().toString());
        assertTrue(q.units().stream().anyMatch(u -> u.folded().equals("le")), q.units().toString());
    }

    @Test
    void theRarestConceptIsTheWordFewestEntriesHold() {
        FaqDistinctions d = FaqDistinctions.of(corpus(), QUESTION_WORDS);
        FaqDistinctions.Distinctive q = d.distinctive("khóa học miễn phí");
        FaqDistinctions.Unit rarest = q.rarest();
        // "khóa" and "học" are in one entry, "miễn phí" in two: the course is what the question is about
        assertTrue(rarest.folded().equals("khoa") || rarest.folded().equals("hoc"), rarest.toString());
        FaqEntry course = corpus().stream().filter(e -> e.id().equals("kns-mien-phi")).findFirst().orElseThrow();
        FaqEntry signature = corpus().stream().filter(e -> e.id().equals("cks-mien-phi")).findFirst().orElseThrow();
        assertTrue(d.holdsRarest(q, course));
        assertFalse(d.holdsRarest(q, signature));
        assertTrue(d.covered(q, course) > d.covered(q, signature));
    }

    @Test
    void numbersAndWordsNoEntryHoldsAreLeftOut() {
        FaqDistinctions d = FaqDistinctions.of(corpus(), QUESTION_WORDS);
        FaqDistinctions.Distinctive q = d.distinctive("1 7 2025 digital skills");
        assertTrue(q.isEmpty(), q.units().toString());
        assertNull(q.rarest());
    }

    @Test
    void anEntryEditedSinceTheTableWasBuiltIsReadAnew() {
        FaqDistinctions d = FaqDistinctions.of(corpus(), QUESTION_WORDS);
        FaqDistinctions.Distinctive q = d.distinctive("lệ phí");
        FaqEntry edited = entry("dvc-3", "Biên lai lệ phí lấy ở đâu?", "Tải biên lai trên cổng.");
        FaqEntry unknown = entry("moi-them", "Lệ phí hộ tịch là bao nhiêu?", "Xem trên cổng.");
        assertTrue(d.covered(q, unknown) > 0);
        assertTrue(d.covered(q, edited) > 0, "dvc-3 as edited, not as this generation committed it");
        assertFalse(d.covered(q, corpus().get(3)) > 0);
    }

    @Test
    void theBestEntryWithoutTheConceptIsNoAnswerWhenNoCandidateHoldsIt() {
        FaqDistinctions d = FaqDistinctions.of(corpus(), QUESTION_WORDS);
        FaqDistinctions.Distinctive q = d.distinctive("khóa học nền tảng");
        assertEquals(4, q.units().size(), q.units().toString());
        FaqEntry signature = corpus().get(20);
        FaqAnswerer.Ranked lacking = new FaqAnswerer.Ranked(signature, 1.0, 0.6, d.covered(q, signature),
                d.holdsRarest(q, signature), 0.6);
        assertFalse(FaqAnswerer.holdsConcept(q, List.of(lacking)));
        FaqEntry course = corpus().get(21);
        FaqAnswerer.Ranked holding = new FaqAnswerer.Ranked(course, 1.0, 0.6, d.covered(q, course),
                d.holdsRarest(q, course), 0.6);
        assertTrue(FaqAnswerer.holdsConcept(q, List.of(holding, lacking)));
        assertTrue(FaqAnswerer.holdsConcept(FaqDistinctions.Distinctive.NONE, List.of(lacking)));
        // an informal word or two ("app") the entry says otherwise is no sign of an uncovered question
        FaqDistinctions.Distinctive one = d.distinctive("khóa học");
        assertTrue(FaqAnswerer.holdsConcept(one, List.of(new FaqAnswerer.Ranked(signature, 1.0, 0.6,
                d.covered(one, signature), d.holdsRarest(one, signature), 0.6))));
    }
}

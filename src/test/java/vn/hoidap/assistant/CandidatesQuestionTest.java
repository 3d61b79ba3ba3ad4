package vn.hoidap.assistant;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.search.PreparedQuery;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.SearchQuery;
import vn.hoidap.search.Searcher;
import vn.hoidap.search.UnitType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The retrievals of one question share their work — a text analysed once, a retrieval made once — and
 * nothing is shared between questions (a memo of answers across requests would hide the real cost and serve
 * stale hits after a publish).
 */
class CandidatesQuestionTest {

    /** Counts analyses (prepare) and searches (cuts of a prepared text). */
    private static final class CountingSearcher implements Searcher {
        final List<String> prepared = new ArrayList<>();
        int cuts;

        @Override
        public List<SearchHit> search(SearchQuery query) {
            return prepare(query.text()).top(query.planIds(), query.types(), query.limit());
        }

        @Override
        public PreparedQuery prepare(String text) {
            prepared.add(text);
            return (planIds, types, limit) -> {
                cuts++;
                return List.of(new SearchHit(UnitType.FAQ, "faq-dvc", null, "Dịch vụ công trực tuyến là gì?",
                        "Là dịch vụ hành chính công được cung cấp qua mạng.", "", null, null, 1f));
            };
        }
    }

    private final CountingSearcher searcher = new CountingSearcher();
    private final Candidates candidates = new Candidates(searcher, new Knowledge(List.of(), List.of(new FaqEntry("faq-dvc",
            "Dịch vụ công trực tuyến là gì?", List.of(), "Là dịch vụ hành chính công được cung cấp qua mạng.", "dvc",
            "citizen", "Luật", null, null)), AgencyDirectory.empty(), 0),
            ContentWords.load(Path.of("corpus", "assistant", "question-words.txt")), Set.of());

    @Test
    void withinAQuestionATextIsAnalysedOnceAndARetrievalMadeOnce() {
        try (Candidates.Question q = candidates.open()) {
            // equal texts built apart (the router's content and its place-stripped form often are)
            candidates.find(new String("dich vu cong truc tuyen"), List.of(), UnitType.FAQ, 5);
            candidates.find(new String("dich vu cong truc tuyen"), List.of(), UnitType.FAQ, 5);
            candidates.find("dich vu cong truc tuyen", List.of(), UnitType.PASSAGE, 5);
        }
        assertEquals(List.of("dich vu cong truc tuyen"), searcher.prepared, "one analysis for one text");
        assertEquals(2, searcher.cuts, "the repeated FAQ retrieval is not searched again; the passage one is");
    }

    @Test
    void nothingIsSharedBetweenQuestions() {
        for (int i = 0; i < 2; i++) {
            try (Candidates.Question q = candidates.open()) {
                candidates.find("dich vu cong truc tuyen", List.of(), UnitType.FAQ, 5);
            }
        }
        // and outside a question every retrieval searches
        candidates.find("dich vu cong truc tuyen", List.of(), UnitType.FAQ, 5);
        assertEquals(3, searcher.prepared.size());
        assertEquals(3, searcher.cuts);
    }
}

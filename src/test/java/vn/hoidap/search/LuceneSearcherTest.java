package vn.hoidap.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanMetadata;
import vn.hoidap.corpus.PlanStatus;
import vn.hoidap.corpus.Task;
import vn.hoidap.corpus.TextQuality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuceneSearcherTest {

    /** Behaviour on a few hand-made units, where the expected order is known exactly. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SmallKnowledge {

        private LuceneSearcher searcher;

        @BeforeAll
        void build() {
            searcher = new LuceneSearcher(small(), SearchFixtures.abbreviations(), SearchFixtures.stopwords());
        }

        @AfterAll
        void close() throws Exception {
            searcher.close();
        }

        @Test
        void findsTextTypedWithoutDiacritics() {
            SearchHit top = first("huong dan nguoi dan su dung dich vu cong truc tuyen");
            assertEquals("t-dvc", top.id());
            assertTrue(top.snippet().contains("dịch vụ công trực tuyến"), top.snippet());
        }

        @Test
        void correctDiacriticsWinOverLookAlikes() {
            assertEquals("t-dat", first("bán đất").id());
            assertEquals("t-ban", first("trực ban").id());
        }

        @Test
        void withoutDiacriticsTheExactFieldIsNotAskedSoFoldedPairsDecide() {
            // "ban dat" folds to the words of both units; the pair "ban_dat" only exists in t-dat
            assertEquals("t-dat", first("ban dat").id());
        }

        @Test
        void expandsAbbreviationsInTheQuery() {
            assertEquals("t-cntt", first("cntt").id());
            assertEquals("t-cntt", first("CNTT").id());
        }

        @Test
        void expandsAbbreviationsInTheText() {
            assertEquals("t-sotttt", first("sở thông tin và truyền thông").id());
        }

        @Test
        void repairsTelexLeftovers() {
            assertEquals("t-cds", first("chuyeenr ddooir soos").id());
        }

        @Test
        void canonicalSpellingMeetsTheOldStyle() {
            assertEquals("t-cds", first("tin học hoá").id());
            assertEquals("t-ki", first("kĩ năng số").id());
        }

        @Test
        void findsDocumentNumbers() {
            SearchHit top = first("146/QD-TTg");
            assertEquals("t-qd", top.id());
        }

        @Test
        void toleratesOcrErrorsInOcrUnits() {
            // the OCR passage reads "Pon vi chu tri: S6 Noi vu"
            SearchHit top = first("đơn vị chủ trì");
            assertEquals("ocr", top.planId());
            // "S6" is only "Sở" after the OCR digit repair
            assertEquals("ocr", first("sở nội vụ").planId());
        }

        @Test
        void draftsRankBelowIssuedPlansWithTheSameText() {
            List<SearchHit> hits = searcher.search(SearchQuery.of("hội thi tin học trẻ", 5));
            assertEquals("issued", hits.get(0).planId());
            assertEquals("draft", hits.get(1).planId());
            assertEquals(hits.get(0).score() * LuceneSearcher.DRAFT_FACTOR, hits.get(1).score(), 1e-3);
        }

        @Test
        void filtersByPlanAndType() {
            List<SearchHit> onlyDraft = searcher.search(
                    new SearchQuery("hội thi tin học trẻ", Set.of("draft"), Set.of(), 5));
            assertFalse(onlyDraft.isEmpty());
            assertTrue(onlyDraft.stream().allMatch(h -> h.planId().equals("draft")));
            List<SearchHit> faqs = searcher.search(
                    new SearchQuery("dịch vụ công trực tuyến", Set.of(), Set.of(UnitType.FAQ), 5));
            assertEquals(List.of("faq-dvc"), faqs.stream().map(SearchHit::id).toList());
            assertEquals("/hoi-dap#faq-dvc", faqs.get(0).url());
        }

        @Test
        void hitsCarryUrlSectionAndType() {
            SearchHit top = searcher.search(
                    new SearchQuery("dich vu cong truc tuyen", Set.of(), Set.of(UnitType.TASK), 1)).get(0);
            assertEquals(UnitType.TASK, top.type());
            assertEquals("issued", top.planId());
            assertEquals("II.1", top.section());
            assertEquals("/ke-hoach/issued#s-ii-1", top.url());
        }

        @Test
        void provincesMatchWithOrWithoutDiacritics() {
            assertEquals(Set.of("issued", "draft"), searcher.planIdsOfProvince("binh dinh"));
            assertEquals(Set.of("issued", "draft"), searcher.planIdsOfProvince("Tỉnh Bình Định"));
            assertEquals(Set.of(), searcher.planIdsOfProvince("Cà Mau"));
        }

        private SearchHit first(String q) {
            List<SearchHit> hits = searcher.search(SearchQuery.of(q, 5));
            assertFalse(hits.isEmpty(), "no hit for " + q);
            return hits.get(0);
        }
    }

    /** Any input is text: never an exception, never more hits than asked. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HostileInput {

        private LuceneSearcher searcher;

        @BeforeAll
        void build() {
            searcher = SearchFixtures.searcher();
        }

        @AfterAll
        void close() throws Exception {
            searcher.close();
        }

        Stream<String> inputs() {
            return Stream.of("\"chuyển đổi số", "\"\"", "(((", "[x] {y}", ")", "chuyển AND đổi OR NOT số", "AND",
                    "NOT", "OR OR OR", "* ? ~ : \\ /", "*", "?", "~2", "field:value", "title:\"x\"^3", "\\", "/regex/",
                    "so*", "te?t", "a~0.5", "+a -b", "&& ||", "x".repeat(10_000),
                    "chuyển đổi số ".repeat(800), "😀🚀 chuyển đổi số 🇻🇳", "\u0000\u0001\u0007\u001b[31m\u007f",
                    "\uD83D", "\uFFFF\uFFFE", "\u202Eabc\u200B", "'; DROP TABLE query_log; --",
                    "1' OR '1'='1", "<script>alert(1)</script>", "%00%27", "   ", "", "\t\n\r",
                    "ДЕЙСТВИЕ 数字化 التحول", "146/QĐ-TTg/../../etc/passwd", "ĐĐĐĐĐĐĐĐ".repeat(100),
                    "a".repeat(300) + " " + "b".repeat(300));
        }

        @ParameterizedTest
        @MethodSource("inputs")
        void neverThrows(String input) {
            List<SearchHit> hits = searcher.search(SearchQuery.of(input, 10));
            assertNotNull(hits);
            assertTrue(hits.size() <= 10);
            hits.forEach(h -> assertNotNull(h.url()));
        }

        @Test
        void aLongQueryStillFindsWhatItsFirstWordsSay() {
            List<SearchHit> hits = searcher.search(SearchQuery.of("chuyên gia chuyển đổi số " + "x ".repeat(5000), 3));
            assertFalse(hits.isEmpty());
        }

        @Test
        void nullAndOutOfRangeLimitsAreSafe() {
            assertTrue(searcher.search(null).isEmpty());
            assertTrue(searcher.search(new SearchQuery(null, null, null, 5)).isEmpty());
            assertEquals(1, searcher.search(SearchQuery.of("chuyển đổi số", 0)).size());
            assertEquals(LuceneSearcher.MAX_LIMIT, searcher.search(SearchQuery.of("chuyển đổi số", 10_000)).size());
        }
    }

    @Test
    void queriesKeepWorkingWhileTheIndexIsRebuilt() throws Exception {
        Knowledge knowledge = SearchFixtures.knowledge();
        try (LuceneSearcher searcher = new LuceneSearcher(knowledge, SearchFixtures.abbreviations(),
                SearchFixtures.stopwords())) {
            AtomicBoolean rebuilding = new AtomicBoolean(true);
            AtomicInteger queries = new AtomicInteger();
            AtomicInteger empty = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    while (rebuilding.get()) {
                        List<SearchHit> hits = searcher.search(SearchQuery.of("chuyên gia chuyển đổi số", 5));
                        queries.incrementAndGet();
                        if (hits.isEmpty()) {
                            empty.incrementAndGet();
                        }
                    }
                }));
            }
            for (int i = 0; i < 5; i++) {
                searcher.rebuild(knowledge);
            }
            rebuilding.set(false);
            for (Future<?> f : readers) {
                f.get(30, TimeUnit.SECONDS); // rethrows any failure of a query
            }
            pool.shutdown();
            assertTrue(queries.get() > 0);
            assertEquals(0, empty.get(), "queries saw an empty index during " + queries.get() + " queries");
        }
    }

    @Test
    void rebuildReplacesTheContent() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(small(), SearchFixtures.abbreviations(),
                SearchFixtures.stopwords())) {
            assertFalse(searcher.search(SearchQuery.of("hội thi tin học trẻ", 5)).isEmpty());
            searcher.rebuild(new Knowledge(List.of(), List.of(), AgencyDirectory.empty(), 0));
            assertTrue(searcher.search(SearchQuery.of("hội thi tin học trẻ", 5)).isEmpty());
        }
    }

    /** A question in other words finds the unit through the concept both name, and only with the lexicon. */
    @Test
    void aQuestionInOtherWordsFindsTheUnitThroughTheirConcept() throws Exception {
        Plan plan = plan("issued", PlanStatus.ISSUED, TextQuality.CLEAN, List.of(
                task("issued", "t-khen", "II.1", "Biểu dương, khen thưởng tổ chức, cá nhân điển hình"),
                task("issued", "t-hoi", "II.2", "Tổ chức hội nghị chuyển đổi số hằng năm")));
        Knowledge knowledge = new Knowledge(List.of(plan), List.of(), AgencyDirectory.empty(), 0);
        Concepts concepts = new Concepts(List.of(List.of("vinh danh", "biểu dương", "tôn vinh")));
        try (LuceneSearcher with = new LuceneSearcher(knowledge, SearchFixtures.abbreviations(),
                SearchFixtures.stopwords(), concepts);
             LuceneSearcher without = new LuceneSearcher(knowledge, SearchFixtures.abbreviations(),
                     SearchFixtures.stopwords())) {
            List<SearchHit> found = with.search(new SearchQuery("vinh danh", Set.of(), Set.of(), 5));
            assertFalse(found.isEmpty());
            assertEquals("t-khen", found.get(0).id());
            assertTrue(without.search(new SearchQuery("vinh danh", Set.of(), Set.of(), 5)).isEmpty());
            assertEquals(concepts, with.concepts());
        }
    }

    @Test
    void onePreparedTextCutByPlanAndTypeGivesWhatSeparateSearchesGive() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(small(), SearchFixtures.abbreviations(), SearchFixtures.stopwords())) {
            PreparedQuery prepared = searcher.prepare("tổ chức hội thi tin học");
            List<List<Object>> cuts = List.of(List.of(Set.of(), Set.of()), List.of(Set.of("issued"), Set.of(UnitType.TASK)),
                    List.of(Set.of("draft"), Set.of()), List.of(Set.of(), Set.of(UnitType.FAQ)), List.of(Set.of("ocr"), Set.of()));
            for (List<Object> cut : cuts) {
                @SuppressWarnings("unchecked")
                Set<String> plans = (Set<String>) cut.get(0);
                @SuppressWarnings("unchecked")
                Set<UnitType> types = (Set<UnitType>) cut.get(1);
                List<String> once = prepared.top(plans, types, 5).stream().map(h -> h.planId() + "/" + h.id() + "/" + h.score()).toList();
                List<String> alone = searcher.search(new SearchQuery("tổ chức hội thi tin học", plans, types, 5)).stream()
                        .map(h -> h.planId() + "/" + h.id() + "/" + h.score()).toList();
                assertEquals(alone, once, "cut " + cut);
            }
            assertEquals("t-thi", prepared.top(Set.of("issued"), Set.of(UnitType.TASK), 1).get(0).id());
            // a cut that reaches only units of other plans or types finds none of them
            assertTrue(prepared.top(Set.of("draft"), Set.of(UnitType.TASK), 5).stream().allMatch(h -> "draft".equals(h.planId())));
        }
    }

    @Test
    void anOcrUnitIsStillFoundThroughItsDamagedWordsWhileCleanPlansAreSearchedWithoutGrams() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(small(), SearchFixtures.abbreviations(), SearchFixtures.stopwords())) {
            PreparedQuery prepared = searcher.prepare("Đơn vị chủ trì: Sở Nội vụ");
            assertFalse(prepared.top(Set.of("ocr"), Set.of(), 5).isEmpty(), "the OCR text \"Pon vi chu tri: S6 Noi vu\"");
            assertTrue(prepared.top(Set.of("issued"), Set.of(UnitType.TASK), 5).stream().noneMatch(h -> "ocr".equals(h.planId())));
        }
    }

    static Knowledge small() {
        Plan issued = plan("issued", PlanStatus.ISSUED, TextQuality.CLEAN, List.of(
                task("issued", "t-dvc", "II.1", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến"),
                task("issued", "t-dat", "II.2", "Quản lý việc mua bán đất đai"),
                task("issued", "t-ban", "II.3", "Tổ chức trực ban tại cơ quan"),
                task("issued", "t-cntt", "II.4", "Đào tạo công nghệ thông tin cho công chức"),
                task("issued", "t-sotttt", "II.5", "Sở TT&TT tổng hợp báo cáo"),
                task("issued", "t-cds", "II.6", "Tin học hóa và chuyển đổi số ở cấp xã"),
                task("issued", "t-ki", "II.7", "Bồi dưỡng kỹ năng số cho học sinh"),
                task("issued", "t-qd", "II.8", "Triển khai Quyết định số 146/QĐ-TTg của Thủ tướng"),
                task("issued", "t-thi", "II.9", "Tổ chức hội thi tin học trẻ hằng năm")));
        Plan draft = plan("draft", PlanStatus.DRAFT, TextQuality.CLEAN, List.of(
                task("draft", "t-thi", "II.9", "Tổ chức hội thi tin học trẻ hằng năm")));
        Plan ocr = plan("ocr", PlanStatus.ISSUED, TextQuality.OCR, List.of());
        ocr = new Plan(ocr.meta(), "Pon vi chu tri: S6 Noi vu", "Pon vi chu tri: S6 Noi vu", List.of(), List.of(),
                List.of(), List.of(), List.of());
        FaqEntry faq = new FaqEntry("faq-dvc", "Dịch vụ công trực tuyến là gì?", List.of("dvctt la gi"),
                "Là dịch vụ hành chính công được cung cấp qua mạng.", "dvc", "citizen", "Luật", null, null);
        return new Knowledge(List.of(issued, draft, ocr), List.of(faq), AgencyDirectory.empty(), 0);
    }

    private static Plan plan(String id, PlanStatus status, TextQuality quality, List<Task> tasks) {
        PlanMetadata meta = new PlanMetadata(id, id.equals("ocr") ? "Thanh Hóa" : "Bình Định", "Kế hoạch", null, null,
                "UBND", null, null, status, "Kế hoạch thử " + id, quality, id + ".txt", null, null);
        return new Plan(meta, "", "", List.of(), tasks, List.of(), List.of(), List.of());
    }

    private static Task task(String planId, String id, String section, String title) {
        return new Task(planId, id, section, vn.hoidap.corpus.Anchors.of(section), null, null, title, null,
                List.of(), List.of(), null, null);
    }
}

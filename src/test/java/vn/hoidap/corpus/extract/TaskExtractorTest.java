package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Task;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExtractorTest {

    private final TaskExtractor extractor = new TaskExtractor(AgencyDirectory.empty());

    private Map<String, Task> tasks(String planId) {
        return extractor.extract(planId, CorpusFixtures.outline(planId)).stream()
                .collect(Collectors.toMap(Task::section, Function.identity()));
    }

    private static List<String> names(List<AgencyMention> mentions) {
        return mentions.stream().map(AgencyMention::text).toList();
    }

    @Test
    void readsEveryFieldOfACleanTask() {
        Map<String, Task> bd = tasks("binh-dinh-2022");
        assertEquals(14, bd.size());
        Task t = bd.get("II.1.2");
        assertEquals("t-ii-1-2", t.id());
        assertEquals("s-ii-1-2", t.anchor());
        assertEquals("1.2", t.number());
        assertEquals("Nhóm các nhiệm vụ nâng cao nhận thức về chuyển đổi số", t.group());
        assertEquals("Xây dựng các chuyên mục, chuyên trang về chuyển đổi số", t.title());
        assertTrue(t.description().startsWith("Xây dựng, thiết lập và duy trì thường xuyên"), t.description());
        assertEquals(List.of("Báo Bình Định", "Đài Phát thanh - Truyền hình tỉnh"), names(t.lead()));
        assertEquals(List.of("Sở Thông tin và Truyền thông"), names(t.coordinate()));
        assertEquals("Hàng năm.", t.timeline());
        assertEquals("Các chuyên mục, chuyên trang, bài viết, tin bài...", t.result());
    }

    @Test
    void wrappedLabelValuesAndSemicolonListsStayTogether() {
        Task t = tasks("binh-dinh-2022").get("II.1.1");
        assertEquals(List.of("Các sở, cơ quan thuộc UBND tỉnh", "UBND các huyện, thị xã, thành phố"), names(t.lead()));
        assertNull(t.description());
        assertEquals("01 chiến dịch/năm; thực hiện hàng năm.", t.timeline());
        Task mooc = tasks("binh-dinh-2022").get("II.2.2");
        assertEquals(List.of("Sở Giáo dục và Đào tạo", "Sở Lao động – Thương binh và Xã hội"), names(mooc.coordinate()));
    }

    @Test
    void draftTasksUseTheShortLeadLabelToo() {
        Map<String, Task> draft = tasks("dong-nai-2022-draft");
        assertEquals(19, draft.size());
        Task t = draft.get("III.4.2");
        assertEquals(List.of("Sở Thông tin và Truyền thông"), names(t.lead()));
        assertEquals("Theo kế hoạch của Bộ Thông tin và Truyền thông.", t.timeline());
    }

    @Test
    void ocrTasksAreFoundUnderTheirLetters() {
        Map<String, Task> dn = tasks("dong-nai-2022");
        assertEquals(19, dn.size());
        assertEquals(List.of("III.1.a", "III.1.b", "III.1.c", "III.2.a", "III.2.b", "III.2.c", "III.2.d", "III.2.đ",
                "III.2.e", "III.3.a", "III.3.b", "III.3.c", "III.4.a", "III.4.b", "III.4.c", "III.4.d", "III.4.đ",
                "III.5.a", "III.5.b"), dn.keySet().stream().sorted(TaskExtractorTest::byPath).toList());
        Task a = dn.get("III.1.a");
        assertEquals(List.of("S¢ Théng tin va Truyén thong"), names(a.lead()), "the 'thuc hién' of the label is not kept");
        assertEquals("S& Noi vu", names(a.coordinate()).get(0));
        assertEquals("khi c6 huéng dan cia cap B, nganh Trung vong.", a.timeline());
        assertEquals("t-iii-2-dd", dn.get("III.2.đ").id());
        assertEquals("t-iii-2-d", dn.get("III.2.d").id());
        Task b = dn.get("III.3.b");
        assertEquals(List.of("S& Thong tin va Truyen thong", "UBND cac huyén, thanh pho"), names(b.lead()),
                "'QUn vi chu tri thue hign' is the lead label");
    }

    @Test
    void mentionsResolveToCanonicalAgenciesOfThePlansProvince() {
        TaskExtractor withDirectory = new TaskExtractor(AgencyDirectory.load(java.nio.file.Path.of("corpus/agencies.yaml")));
        Task t = withDirectory.extract("binh-dinh-2022", "Bình Định", CorpusFixtures.outline("binh-dinh-2022")).stream()
                .filter(x -> x.section().equals("II.1.2")).findFirst().orElseThrow();
        assertEquals("so-tttt", t.coordinate().get(0).agencyId());
        assertTrue(t.lead().stream().allMatch(m -> m.agencyId() != null), t.lead().toString());
        Task ocr = withDirectory.extract("dong-nai-2022", "Đồng Nai", CorpusFixtures.outline("dong-nai-2022")).stream()
                .filter(x -> x.section().equals("III.1.b")).findFirst().orElseThrow();
        assertEquals("so-tttt", ocr.lead().get(1).agencyId(), "OCR'd 'S& Thong tin va Truyén thong' resolves");
    }

    @Test
    void appendixRowsBecomeTasksWithTheirGroupAndTimeline() {
        Map<String, Task> bp = tasks("binh-phuoc-2022");
        Task row = bp.get("PL.I.1");
        assertEquals("pl-i-1", row.id());
        assertEquals("1", row.number());
        assertTrue(row.group().contains("dung co ché"), row.group());
        assertEquals("2022-2025", row.timeline());
        assertTrue(row.title().startsWith("Xay dung, cap nhat va ban hanh co ché"), row.title());
        assertTrue(bp.keySet().stream().allMatch(p -> p.startsWith("PL.")), "the Đề án's body has no labelled tasks");
    }

    private static int byPath(String a, String b) {
        return a.replace("đ", "d~").compareTo(b.replace("đ", "d~"));
    }
}

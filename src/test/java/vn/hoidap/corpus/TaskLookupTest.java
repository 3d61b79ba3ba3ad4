package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskLookupTest {

    private static final Knowledge KNOWLEDGE = KnowledgeFactory.build(Path.of("corpus"));
    private static final TaskLookup LOOKUP = new TaskLookup(KNOWLEDGE);

    private static Province province(String name) {
        return KNOWLEDGE.provinces().resolve(name).orElseThrow();
    }

    private static Agency agency(String name) {
        return KNOWLEDGE.agencies().resolve(name).orElseThrow();
    }

    private static List<String> planOrder(List<TaskLookup.TaskMatch> matches) {
        return matches.stream().map(TaskLookup.TaskMatch::planId).distinct().toList();
    }

    @Test
    void dongNaiTodayCoversTheBinhPhuocPlanAfterItsOwnIssuedPlanAndBeforeTheDraft() {
        List<TaskLookup.TaskMatch> all = LOOKUP.find(province("Đồng Nai"), agency("Sở Khoa học và Công nghệ"), null);
        assertEquals(List.of("dong-nai-179-2025", "dong-nai-2022", "binh-phuoc-2022", "dong-nai-2022-draft"), planOrder(all));
        // The 2025 plan names the department itself; the 2022 plans reach it through its predecessor.
        assertTrue(all.stream().filter(m -> m.planId().equals("dong-nai-179-2025")).noneMatch(TaskLookup.TaskMatch::viaSuccession));
        List<TaskLookup.TaskMatch> matches = all.stream().filter(m -> !m.planId().equals("dong-nai-179-2025")).toList();
        assertTrue(matches.stream().allMatch(m -> m.viaSuccession() && "so-tttt".equals(m.agencyId())));
        TaskLookup.TaskMatch bp = matches.stream().filter(m -> m.planId().equals("binh-phuoc-2022")).findFirst().orElseThrow();
        assertEquals("Bình Phước", bp.province());
        assertEquals("Đồng Nai", bp.provinceToday());
        assertTrue(bp.provinceNote().contains("01/7/2025"), bp.provinceNote());
        assertTrue(matches.stream().filter(m -> m.planId().startsWith("dong-nai")).allMatch(m -> m.provinceNote() == null));
    }

    @Test
    void financeTodayFindsWhatBinhPhuocGaveThePlanningDepartment() {
        List<TaskLookup.TaskMatch> matches = LOOKUP.find(province("Đồng Nai"), agency("Sở Tài chính"), TaskLookup.Role.LEAD);
        assertTrue(matches.stream().anyMatch(m -> m.viaSuccession() && "so-khdt".equals(m.agencyId())
                && m.planId().equals("binh-phuoc-2022")));
        assertTrue(matches.stream().filter(TaskLookup.TaskMatch::viaSuccession)
                .allMatch(m -> "Sở Tài chính".equals(m.succession().toName())));
    }

    @Test
    void askingByTheOldNameSaysWhoHoldsTheRoleNow() {
        List<TaskLookup.TaskMatch> matches = LOOKUP.find(province("Bình Định"), agency("Sở TT&TT"), TaskLookup.Role.LEAD);
        assertEquals(List.of("II.1.4", "II.1.5", "II.1.6", "II.1.8", "II.2.1", "II.2.2", "II.3.2"),
                matches.stream().map(m -> m.task().section()).toList());
        assertTrue(matches.stream().noneMatch(TaskLookup.TaskMatch::viaSuccession));
        assertTrue(matches.stream().allMatch(m -> "Sở Khoa học và Công nghệ".equals(m.succession().toName())));
    }

    @Test
    void theProvincesStationIsReadInsideEachPlan() {
        List<TaskLookup.TaskMatch> thanhHoa = LOOKUP.find(null, agency("Đài Phát thanh và Truyền hình Thanh Hóa"), null);
        assertFalse(thanhHoa.isEmpty());
        assertTrue(thanhHoa.stream().allMatch(m -> m.planId().equals("thanh-hoa-2022")));
        List<TaskLookup.TaskMatch> generic = LOOKUP.find(province("Bình Định"), agency("Đài PT-TH tỉnh"), TaskLookup.Role.LEAD);
        assertEquals(List.of("II.1.2", "II.1.3", "II.1.7"), generic.stream().map(m -> m.task().section()).toList());
        assertTrue(generic.stream().allMatch(m -> "dai-pt-th-binh-dinh".equals(m.agencyId())));
    }

    @Test
    void withoutAnAgencyEveryTaskOfTheProvinceIsListed() {
        List<TaskLookup.TaskMatch> all = LOOKUP.find(province("Thanh Hóa"), null, null);
        assertEquals(KNOWLEDGE.plan("thanh-hoa-2022").orElseThrow().tasks().size(), all.size());
        assertNull(all.get(0).role());
    }

    @Test
    void corpusLoadsEveryPlanAndProvince() {
        assertEquals(CorpusCount.plans(), KNOWLEDGE.plans().size());
        assertFalse(KNOWLEDGE.provinces().all().isEmpty());
    }
}

package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The curated task sheets of Bình Định and Đồng Nai (issued and draft), checked against the documents. */
class CuratedSheetsTest {

    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Path.of("corpus/agencies.yaml"));
    private static final PlanLoader LOADER = new PlanLoader(AGENCIES);

    private static Plan plan(String id) {
        return LOADER.load(Path.of("corpus/plans", id + ".yaml"));
    }

    private static Task task(Plan plan, String section) {
        return plan.tasks().stream().filter(t -> t.section().equals(section)).findFirst()
                .orElseThrow(() -> new AssertionError(plan.id() + " has no task " + section));
    }

    private static List<String> agencyIds(List<AgencyMention> mentions) {
        return mentions.stream().map(AgencyMention::agencyId).toList();
    }

    @ParameterizedTest
    @CsvSource({"binh-dinh-2022, 14", "dong-nai-2022, 19", "dong-nai-2022-draft, 19"})
    void everyTaskOfTheDocumentIsThereOnceWithItsAgenciesAndTimeline(String id, int count) {
        Plan plan = plan(id);
        assertEquals(count, plan.tasks().size());
        Set<String> ids = new HashSet<>();
        Set<String> sections = new HashSet<>();
        for (Task t : plan.tasks()) {
            assertTrue(ids.add(t.id()), "duplicate id " + t.id());
            assertTrue(sections.add(t.section()), "duplicate section " + t.section());
            assertFalse(t.lead().isEmpty(), t.id() + " has a lead");
            assertFalse(t.coordinate().isEmpty(), t.id() + " has coordinators");
            assertTrue(t.timeline() != null && t.result() != null, t.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"binh-dinh-2022", "dong-nai-2022", "dong-nai-2022-draft"})
    void everyAgencyNamedInTheSheetResolves(String id) {
        Plan plan = plan(id);
        List<String> unresolved = new ArrayList<>();
        for (Task t : plan.tasks()) {
            List<AgencyMention> all = new ArrayList<>(t.lead());
            all.addAll(t.coordinate());
            all.stream().filter(m -> m.agencyId() == null).forEach(m -> unresolved.add(t.id() + ": " + m.text()));
        }
        for (ReportingDeadline d : plan.deadlines()) {
            for (String name : (d.reporter() + ";" + d.recipient()).split(";")) {
                if (AGENCIES.resolve(name.trim()).isEmpty()) {
                    unresolved.add("deadline " + d.date() + ": " + name);
                }
            }
        }
        plan.responsibilities().stream().filter(r -> r.agency().agencyId() == null)
                .forEach(r -> unresolved.add("responsibility: " + r.agency().text()));
        assertEquals(List.of(), unresolved);
    }

    @Test
    void everyLeadAndCoordinatorOfAllFivePlansResolves() {
        List<String> unresolved = new ArrayList<>();
        for (Plan plan : LOADER.loadAll(Path.of("corpus/plans"))) {
            for (Task t : plan.tasks()) {
                List<AgencyMention> all = new ArrayList<>(t.lead());
                all.addAll(t.coordinate());
                all.stream().filter(m -> m.agencyId() == null)
                        .forEach(m -> unresolved.add(plan.id() + " " + t.id() + ": " + m.text()));
            }
            plan.responsibilities().stream().filter(r -> r.agency().agencyId() == null)
                    .forEach(r -> unresolved.add(plan.id() + " responsibility: " + r.agency().text()));
        }
        assertEquals(List.of(), unresolved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binh-dinh-2022", "dong-nai-2022", "dong-nai-2022-draft"})
    void textIsRestoredVietnameseNotOcr(String id) {
        Plan plan = plan(id);
        for (Task t : plan.tasks()) {
            String all = t.title() + " " + (t.description() == null ? "" : t.description()) + " " + t.result();
            assertFalse(all.matches(".*(Pon vi|Truyén|thuc hién|chuyén|[¢é]\\s).*"), t.id() + ": " + all);
            assertTrue(vn.hoidap.text.Fold.hasDiacritics(t.title()), t.id());
        }
    }

    @Test
    void issuedDongNaiDiffersFromItsDraftWhereTheDocumentsDiffer() {
        Plan issued = plan("dong-nai-2022");
        Plan draft = plan("dong-nai-2022-draft");
        Task issued1a = task(issued, "III.1.a");
        assertEquals(List.of("so-tttt"), agencyIds(issued1a.lead()));
        assertEquals("Khi có hướng dẫn của cấp Bộ, ngành Trung ương", issued1a.timeline());
        assertEquals("Hàng năm", task(draft, "III.1.1").timeline());
        assertEquals(List.of("so-noi-vu", "so-tttt"), agencyIds(task(draft, "III.1.1").lead()));
        assertEquals("so-noi-vu", task(issued, "III.3.a").coordinate().get(0).agencyId());
        assertTrue(task(issued, "III.4.đ").coordinate().stream().anyMatch(m -> "so-tttt".equals(m.agencyId())));
        assertTrue(issued.targets().stream().anyMatch(t -> t.year() == 2030 && t.figure().equals("120")));
        assertTrue(draft.targets().stream().noneMatch(t -> t.figure().equals("120")));
        assertEquals(draft.tasks().stream().map(Task::group).distinct().toList(),
                issued.tasks().stream().map(Task::group).distinct().toList());
    }

    @Test
    void sectionsFollowTheDocumentsOutline() {
        assertEquals("II.1.1", plan("binh-dinh-2022").tasks().get(0).section());
        assertEquals("III.2.a", task(plan("dong-nai-2022"), "III.2.a").section());
        assertTrue(plan("dong-nai-2022").tasks().stream().allMatch(t -> t.section().matches("III\\.[1-5]\\.[a-eđ]")));
        assertTrue(plan("dong-nai-2022-draft").tasks().stream().allMatch(t -> t.section().matches("III\\.[1-5]\\.[1-6]")));
        assertTrue(plan("binh-dinh-2022").tasks().stream().allMatch(t -> t.section().matches("II\\.[1-3]\\.[1-8]")));
    }

    @Test
    void reportingDeadlinesAreTheDocuments() {
        for (String id : List.of("binh-dinh-2022", "dong-nai-2022", "dong-nai-2022-draft")) {
            List<String> dates = plan(id).deadlines().stream().map(ReportingDeadline::date).toList();
            // the yearly report, its summary, and the report due when a problem arises (the closing sentence)
            assertEquals(3, dates.size(), id + " " + dates);
            assertEquals(List.of("20/11", "15/12"), dates.subList(0, 2), id);
            assertTrue(dates.get(2).contains("vướng mắc"), id + " " + dates);
        }
    }
}

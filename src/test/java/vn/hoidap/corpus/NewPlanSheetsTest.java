package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The curated sheets of the four 2025 plans (Markdown conversions of official pages), checked against the
 * documents they were read from: every curated task, target and agency mention is found in the received text,
 * so a sheet cannot drift from its document, and the counts are those of the documents' own lists.
 */
class NewPlanSheetsTest {

    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Path.of("corpus/agencies.yaml"));
    private static final PlanLoader LOADER = new PlanLoader(AGENCIES);

    private static Plan plan(String id) {
        return LOADER.load(Path.of("corpus/plans", id + ".yaml"));
    }

    /** The received text as words: Markdown marks and table pipes dropped, hard line breaks joined, case folded. */
    private static String words(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("**", " ").replace("*", " ").replace("|", " ");
        return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static boolean inText(String document, String curated) {
        String w = words(curated);
        return document.contains(w.endsWith(".") ? w.substring(0, w.length() - 1) : w);
    }

    @ParameterizedTest
    @CsvSource({"dong-thap-617-2025, 11, 5, 4, 10", "dong-thap-597-2025, 27, 7, 3, 7",
            "ha-noi-308-2025, 7, 0, 3, 4", "dong-nai-179-2025, 94, 29, 3, 28"})
    void countsAreThoseOfTheDocument(String id, int tasks, int targets, int deadlines, int duties) {
        Plan plan = plan(id);
        assertEquals(tasks, plan.tasks().size(), "tasks");
        assertEquals(targets, plan.targets().size(), "targets");
        assertEquals(deadlines, plan.deadlines().size(), "deadlines");
        assertEquals(duties, plan.responsibilities().size(), "responsibilities");
        Set<String> ids = new HashSet<>();
        for (Task t : plan.tasks()) {
            assertTrue(ids.add(t.id()), "duplicate id " + t.id());
            assertFalse(t.lead().isEmpty(), t.id() + " has a lead");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dong-thap-617-2025", "dong-thap-597-2025", "ha-noi-308-2025", "dong-nai-179-2025"})
    void everyCuratedTaskTargetAndAgencyIsInTheReceivedText(String id) {
        Plan plan = plan(id);
        String document = words(plan.originalText());
        List<String> missing = new ArrayList<>();
        for (Task t : plan.tasks()) {
            // a heading restored from a typo keeps its body verbatim, and a body joined from dash items keeps its heading
            if (!inText(document, t.title()) && (t.description() == null || !inText(document, t.description()))) {
                missing.add(t.id() + " title: " + t.title());
            }
            List<AgencyMention> all = new ArrayList<>(t.lead());
            all.addAll(t.coordinate());
            all.stream().filter(m -> !inText(document, m.text())).forEach(m -> missing.add(t.id() + " agency: " + m.text()));
            if (t.timeline() != null && !inText(document, t.timeline())) {
                missing.add(t.id() + " timeline: " + t.timeline());
            }
            if (t.result() != null && !inText(document, t.result())) {
                missing.add(t.id() + " result: " + t.result());
            }
        }
        for (Target g : plan.targets()) {
            if (!inText(document, g.statement())) {
                missing.add("target: " + g.statement());
            }
            if (!inText(document, g.figure())) {
                missing.add("figure: " + g.figure());
            }
        }
        assertEquals(List.of(), missing);
    }

    @ParameterizedTest
    @CsvSource({"dong-thap-617-2025, Đồng Tháp", "dong-thap-597-2025, Đồng Tháp", "ha-noi-308-2025, Hà Nội",
            "dong-nai-179-2025, Đồng Nai"})
    void everyReporterAndRecipientResolves(String id, String province) {
        List<String> unresolved = new ArrayList<>();
        for (ReportingDeadline d : plan(id).deadlines()) {
            for (String name : (d.reporter() + ";" + d.recipient()).split(";")) {
                if (AGENCIES.resolve(name.trim(), province).isEmpty()) {
                    unresolved.add(d.date() + ": " + name.trim());
                }
            }
        }
        assertEquals(List.of(), unresolved);
    }

    @Test
    void dongNaiAppendixHas94RowsInThreePartsEachWithLeadTimelineAndProduct() {
        Plan plan = plan("dong-nai-179-2025");
        Map<String, Integer> perPart = new TreeMap<>();
        Set<String> sections = new HashSet<>();
        for (Task t : plan.tasks()) {
            assertTrue(t.section().matches("PL\\.[ABC]\\.[IVX]+\\.\\d+(\\.\\d+)*"), t.section());
            assertTrue(t.section().endsWith("." + t.number()), t.section() + " ends with its STT " + t.number());
            assertTrue(sections.add(t.section()), "duplicate section " + t.section());
            assertNotNull(t.timeline(), t.id());
            assertNotNull(t.result(), t.id());
            perPart.merge(t.section().substring(3, 4), 1, Integer::sum);
        }
        assertEquals(Map.of("A", 47, "B", 34, "C", 13), perPart);
        Task sandbox = plan.tasks().stream().filter(t -> t.section().equals("PL.A.I.1.1")).findFirst().orElseThrow();
        assertEquals(List.of("so-tu-phap"), sandbox.lead().stream().map(AgencyMention::agencyId).toList());
        assertEquals("2026 - 2030", sandbox.timeline());
        assertTrue(plan.targets().stream().allMatch(t -> t.year() == 2030));
    }

    @Test
    void dongThapTaskTableRowsCarryTheirLeadAndDeadlineAsPrinted() {
        Plan plan = plan("dong-thap-617-2025");
        Task row8 = plan.tasks().stream().filter(t -> t.section().equals("PL.III.8")).findFirst().orElseThrow();
        assertEquals(List.of("so-khcn"), row8.lead().stream().map(AgencyMention::agencyId).toList());
        assertEquals(List.of("ban-ql-kkt", "so-cong-thuong", "cac-doanh-nghiep-vien-thong", "cac-don-vi-lien-quan"),
                row8.coordinate().stream().map(AgencyMention::agencyId).toList());
        assertEquals("Quí IV-2025", row8.timeline());
        assertEquals(List.of(2025, 2030, 2035, 2040, 2045), plan.targets().stream().map(Target::year).toList());
    }
}

package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;
import vn.hoidap.corpus.Section;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PlanLoader serves repaired text and the parsed outline, and stays fast enough for start-up. */
class PlanWiringTest {

    private static Map<String, Plan> load(PlanLoader loader) {
        return loader.loadAll(CorpusFixtures.PLANS).stream().collect(Collectors.toMap(Plan::id, Function.identity()));
    }

    @Test
    void plansCarryRepairedTextAndOutline() {
        Map<String, Plan> plans = load(new PlanLoader(AgencyDirectory.load(Path.of("corpus/agencies.yaml"))));
        Plan bd = plans.get("binh-dinh-2022");
        assertTrue(bd.text().contains("II. TRIỂN KHAI CÁC NHIỆM VỤ CỤ THỂ CỦA ĐỀ ÁN"));
        assertFalse(bd.text().contains("đã ký lên văn bản này"));
        assertFalse(bd.text().contains("TTRRIIỂỂNN"));
        assertTrue(bd.originalText().contains("TTRRIIỂỂNN"), "the document as received is kept");
        assertEquals(List.of("I", "II", "III", "IV"), bd.outline().stream().map(Section::path).toList());
        for (Plan p : plans.values()) {
            assertFalse(p.outline().isEmpty(), p.id());
        }
    }

    @Test
    void everySectionTheCuratedSheetsCiteIsInTheParsedOutline() {
        for (Plan p : load(new PlanLoader(AgencyDirectory.empty())).values()) {
            Set<String> paths = new HashSet<>(CorpusFixtures.paths(p.outline()));
            List<String> cited = new ArrayList<>();
            p.tasks().forEach(t -> cited.add(t.section()));
            p.targets().forEach(t -> cited.add(t.section()));
            p.deadlines().forEach(d -> cited.add(d.section()));
            p.responsibilities().forEach(r -> cited.add(r.section()));
            for (String path : cited) {
                if (path != null) {
                    // appendix rows (PL.II.3) live in the table text of the PL section
                    String expected = path.startsWith("PL.") ? "PL" : path;
                    assertTrue(paths.contains(expected), p.id() + " cites " + path + ", not in " + paths);
                }
            }
        }
    }

    @Test
    void uncuratedPlansGetExtractedTasksAndCuratedSheetsWin() {
        Map<String, Plan> plans = load(new PlanLoader(AgencyDirectory.empty()));
        PlanLoader loader = new PlanLoader(AgencyDirectory.empty());
        for (Plan p : plans.values()) {
            var curated = loader.curatedTasks(CorpusFixtures.PLANS.resolve(p.id() + ".yaml"));
            if (curated.isEmpty()) {
                assertFalse(p.tasks().isEmpty(), p.id() + " has extracted tasks");
            } else {
                assertEquals(curated, p.tasks(), p.id() + " serves its curated sheet");
            }
        }
    }

    @Test
    void theOcrRestorerHookSeesOcrTextOnly() {
        Map<String, Plan> plans = load(new PlanLoader(AgencyDirectory.empty(), text -> "[restored]\n" + text));
        assertTrue(plans.get("dong-nai-2022").text().startsWith("[restored]"));
        assertTrue(plans.get("thanh-hoa-2022").text().startsWith("[restored]"));
        assertFalse(plans.get("binh-dinh-2022").text().startsWith("[restored]"));
        assertFalse(plans.get("dong-nai-2022-draft").text().startsWith("[restored]"));
    }

    @Test
    void anUncuratedPlanTakesSignerAndRecipientsFromItsText(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x-2022.yaml"), """
                id: x-2022
                province: Bình Định
                kind: Kế hoạch
                number: ~
                issueDate: 2022
                issuer: UBND tỉnh
                signer: ~
                status: issued
                title: Kế hoạch thử
                textQuality: clean
                originalFile: x.txt
                """);
        Files.writeString(dir.resolve("x-2022.txt"), """
                IIII..  TTRRIIỂỂNN  KKHHAAII
                1.1. Biểu dương, tôn vinh và khen thưởng
                - Đơn vị chủ trì thực hiện: Sở Nội vụ, Sở Thông tin và Truyền thông.
                    Nơi nhận:
                - Bộ Thông tin và Truyền thông;
                - Lưu: VT, K9.
                KT. CHỦ TỊCH
                Lâm Hải Giang
                """);
        Plan p = new PlanLoader(AgencyDirectory.empty()).loadAll(dir).get(0);
        assertEquals("Lâm Hải Giang", p.meta().signer());
        assertEquals(List.of("Bộ Thông tin và Truyền thông", "Lưu: VT, K9"), p.meta().facts().recipients());
        assertEquals(1, p.tasks().size());
        assertEquals("II.1.1", p.tasks().get(0).section());
        assertFalse(p.text().contains("Nơi nhận"));
    }

    @Test
    void curatedSignerIsKept() {
        Map<String, Plan> plans = load(new PlanLoader(AgencyDirectory.empty()));
        assertEquals("Lâm Hải Giang", plans.get("binh-dinh-2022").meta().signer());
        assertEquals(null, plans.get("binh-phuoc-2022").meta().signer(), "its text ends before any signature");
    }

    @Test
    void restoredWordsReachTheOutlineWithoutChangingItsShape() {
        Map<String, Plan> plain = load(new PlanLoader(AgencyDirectory.empty()));
        Map<String, Plan> restored = load(new PlanLoader(AgencyDirectory.empty(),
                text -> text.replace("Pon vi chu tri", "Đơn vị chủ trì").replace("Pon vi", "Đơn vị")));
        Plan dn = restored.get("dong-nai-2022");
        assertEquals(CorpusFixtures.paths(plain.get("dong-nai-2022").outline()), CorpusFixtures.paths(dn.outline()));
        assertTrue(CorpusFixtures.section(dn.outline(), "III.3.a").text().contains("- Đơn vị chủ trì thyc hién:"),
                CorpusFixtures.section(dn.outline(), "III.3.a").text());
    }

    @Test
    void loadingAndParsingTheWholeCorpusGivesEveryPlanAnOutline() {
        // Load time is a benchmark figure, not a test assertion: a loaded CI machine would fail it.
        AgencyDirectory agencies = AgencyDirectory.load(Path.of("corpus/agencies.yaml"));
        List<Plan> plans = new PlanLoader(agencies).loadAll(CorpusFixtures.PLANS);
        assertFalse(plans.isEmpty());
        plans.forEach(p -> assertFalse(p.outline().isEmpty(), p.id() + " has no outline"));
    }
}

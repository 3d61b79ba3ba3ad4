package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.upload.TestCorpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator adds a plan with a metadata-only YAML to a corpus folder: its tasks, targets, duties and
 * signer come from the extractor and are served by Knowledge, with the report saying so.
 */
class UncuratedPlanTest {

    @Test
    void aPlanWithMetadataOnlyIsServedWhatTheExtractorFinds() throws IOException {
        Path corpus = MetadataOnlyPlan.corpusWith(Set.of());
        Knowledge k = KnowledgeFactory.build(corpus);
        Plan p = k.plan("thu-nghiem-2025").orElseThrow();

        assertEquals("Huỳnh Minh Tuấn", p.meta().signer());
        assertEquals("617/KH-UBND", p.meta().number(), "the number the document prints");
        assertEquals("2025-12-01", p.meta().issueDate());
        assertEquals(3, p.tasks().size(), p.tasks().toString());
        Task first = p.tasks().get(0);
        assertEquals("PL.I.1", first.section());
        assertEquals("Sở KH&CN", first.lead().get(0).text());
        assertEquals("Thường xuyên", first.timeline());
        assertEquals("Các sở, ban, ngành tỉnh", first.coordinate().get(0).text());
        assertTrue(p.targetsPartFound());
        assertEquals(2, p.targets().size(), p.targets().toString());
        assertEquals(2025, p.targets().get(0).year());
        assertEquals("≥ 30%", p.targets().get(0).figure());
        assertEquals("II.1.a", p.targets().get(0).section());
        assertTrue(p.responsibilities().stream().anyMatch(r -> r.agency().text().equals("Sở Tài chính")),
                p.responsibilities().toString());
        // IV.1.b "Định kỳ tổng hợp báo cáo kết quả" of Sở Khoa học và Công nghệ, then IV.7's two dates
        assertEquals(java.util.List.of("Định kỳ", "01/6", "15/11"), p.deadlines().stream().map(ReportingDeadline::date)
                .toList());
        assertEquals("Sở Khoa học và Công nghệ", p.deadlines().get(0).reporter());
        assertTrue(p.outline().stream().noneMatch(s -> s.heading().contains("**")), "headings shown without marks");

        ExtractionReport r = k.extractionReports().get(0);
        assertEquals("thu-nghiem-2025", r.planId());
        assertEquals(0, r.curated(), "nothing curated: nothing to score");
        assertEquals(3, r.extracted());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void aPlanThatYieldsNothingIsWarnedAbout() throws IOException {
        Path corpus = TestCorpus.keeping(Set.of());
        MetadataOnlyPlan.write(corpus, "rong-2025", "UBND tỉnh", "Kế hoạch thử", "a.txt",
                "I. MỤC TIÊU\nPhát triển chuyển đổi số.\nII. NHIỆM VỤ\nTriển khai.\n");
        ExtractionReport r = KnowledgeFactory.build(corpus).extractionReports().get(0);
        assertTrue(r.targetsPartFound());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("nhiệm vụ")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Mục tiêu")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("một cấp")), r.warnings().toString());
    }
}

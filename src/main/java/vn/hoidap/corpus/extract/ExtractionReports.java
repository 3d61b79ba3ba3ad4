package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;
import vn.hoidap.text.TextRepair;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the extractor on every loaded plan's repaired text (before any diacritic restoration, as PlanLoader
 * does) and compares it with the plan's curated task sheet.
 */
public final class ExtractionReports {

    private ExtractionReports() {
    }

    public static List<ExtractionReport> of(List<Plan> plans, Path plansDir, AgencyDirectory agencies) {
        PlanLoader loader = new PlanLoader(agencies);
        TaskExtractor extractor = new TaskExtractor(agencies);
        return plans.stream()
                .map(p -> ExtractionReport.of(p.id(), p.meta().textQuality().name().toLowerCase(java.util.Locale.ROOT),
                        loader.curatedTasks(plansDir.resolve(p.id() + ".yaml")), extractor.extract(p.id(), p.meta().province(),
                                OutlineParser.parse(TextRepair.repair(p.originalText()).content()))))
                .toList();
    }
}

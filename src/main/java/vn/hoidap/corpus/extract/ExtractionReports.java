package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;

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
        return plans.stream().map(p -> ExtractionReport.of(loader.loadMeasured(plansDir.resolve(p.id() + ".yaml"))))
                .toList();
    }
}

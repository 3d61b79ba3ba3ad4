package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;

import java.util.List;

/**
 * Everything the extractor reads from one plan's repaired text: tasks, targets (and whether a targets part
 * exists at all), reporting deadlines, duties per agency, the facts of its preamble, and warnings when a part
 * comes out empty or suspicious. Served for plans without a curated sheet; measured against the sheets.
 */
public record PlanExtraction(
        List<Task> tasks,
        List<Target> targets,
        boolean targetsPartFound,
        List<ReportingDeadline> deadlines,
        List<Responsibility> responsibilities,
        String number,
        String issueDate,
        String issuer,
        List<String> legalBasis,
        String funding,
        List<String> purpose,
        List<String> requirements,
        int outlineSections,
        int outlineDepth,
        List<String> warnings) implements java.io.Serializable {

    public PlanExtraction {
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        deadlines = List.copyOf(deadlines);
        responsibilities = List.copyOf(responsibilities);
        legalBasis = List.copyOf(legalBasis);
        purpose = List.copyOf(purpose);
        requirements = List.copyOf(requirements);
        warnings = List.copyOf(warnings);
    }

    static int depth(List<Section> outline) {
        int max = 0;
        for (Section s : outline) {
            if (!s.path().startsWith("PL")) {
                max = Math.max(max, 1 + depth(s.children()));
            }
        }
        return max;
    }
}

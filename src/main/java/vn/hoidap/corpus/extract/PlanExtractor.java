package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs every extractor over one plan's outline (parsed from its repaired text) and says what came out thin:
 * no tasks, a "Mục tiêu" part without targets, an outline of one level.
 */
public final class PlanExtractor {

    private final AgencyDirectory agencies;
    private final TaskExtractor tasks;

    public PlanExtractor(AgencyDirectory agencies) {
        this.agencies = agencies;
        this.tasks = new TaskExtractor(agencies);
    }

    /** @param title the plan's title: its horizon ("đến năm 2030", "giai đoạn 2026 - 2030") dates undated targets */
    public PlanExtraction extract(String planId, String province, String title, String repairedText,
                                  List<Section> outline) {
        Function<String, AgencyMention> mention = text -> new AgencyMention(text,
                agencies.resolve(text, province).map(Agency::id).orElse(null));
        List<Task> found = tasks.extract(planId, province, outline);
        List<Responsibility> duties = DutyExtractor.extract(planId, outline, mention);
        if (found.isEmpty()) {
            found = DutyExtractor.asTasks(planId, duties); // a plan that assigns its work agency by agency
        }
        Integer horizon = PlanParts.horizon(title);
        TargetExtractor.Result targets = TargetExtractor.extract(planId, outline, horizon);
        FactsExtractor.Facts facts = FactsExtractor.extract(repairedText, outline);
        int sections = OutlineParser.flatten(outline).size();
        int depth = PlanExtraction.depth(outline);
        List<String> warnings = new ArrayList<>();
        if (found.isEmpty()) {
            warnings.add("Không trích được nhiệm vụ nào.");
        }
        if (targets.partFound() && targets.targets().isEmpty()) {
            warnings.add("Có phần “Mục tiêu” nhưng không trích được chỉ tiêu nào.");
        }
        if (depth <= 1) {
            warnings.add("Đề mục chỉ có một cấp (" + sections + " mục): cấu trúc văn bản có thể chưa được nhận ra.");
        }
        if (!found.isEmpty() && found.stream().allMatch(t -> t.lead().isEmpty())) {
            warnings.add("Không nhiệm vụ nào có đơn vị chủ trì.");
        }
        List<Target> targetList = targets.targets();
        return new PlanExtraction(found, targetList, targets.partFound(),
                DeadlineExtractor.extract(planId, outline), duties, facts.number(), facts.issueDate(), facts.issuer(),
                facts.legalBasis(), facts.funding(), facts.purpose(), facts.requirements(), sections, depth, warnings);
    }
}

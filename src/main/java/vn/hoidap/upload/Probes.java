package vn.hoidap.upload;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Questions generated from a reviewed plan, each with what its answer must contain: for each task, who
 * leads it and by when; for each target, its figure. The plan is named by kind, number and province, as
 * people ask; the task by the first words of its title.
 */
final class Probes {

    /** One generated question; the answer passes when it (with its sources) contains one of {@code expected}. */
    record Probe(String question, List<String> expected) {
    }

    private static final int TITLE_WORDS = 14;

    private Probes() {
    }

    static List<Probe> of(Plan plan, AgencyDirectory agencies) {
        String where = where(plan);
        List<Probe> out = new ArrayList<>();
        for (Task t : plan.tasks()) {
            String title = words(t.title());
            if (title.isBlank()) {
                continue;
            }
            if (!t.lead().isEmpty()) {
                out.add(new Probe("Ai chủ trì nhiệm vụ «" + title + "» " + where + "?", names(t.lead().get(0), agencies)));
            }
            if (t.timeline() != null && !t.timeline().isBlank()) {
                out.add(new Probe("Nhiệm vụ «" + title + "» " + where + " thực hiện khi nào?", List.of(t.timeline().strip())));
            }
        }
        for (Target t : plan.targets()) {
            String subject = words(t.subject() == null ? t.statement() : t.subject());
            out.add(new Probe("Chỉ tiêu " + subject + " đến năm " + t.year() + " " + where + " là bao nhiêu?",
                    List.of(t.figure().strip())));
        }
        return out;
    }

    private static String where(Plan plan) {
        String number = plan.meta().number();
        String kind = plan.meta().kind() == null ? "kế hoạch" : plan.meta().kind().toLowerCase(java.util.Locale.ROOT);
        return "theo " + kind + (number == null ? "" : " " + number.split("/")[0]) + " của tỉnh " + plan.meta().province();
    }

    private static List<String> names(AgencyMention m, AgencyDirectory agencies) {
        Set<String> names = new LinkedHashSet<>();
        names.add(m.text().strip());
        if (m.agencyId() != null) {
            agencies.byId(m.agencyId()).map(Agency::name).ifPresent(names::add);
        }
        return List.copyOf(names);
    }

    private static String words(String s) {
        if (s == null) {
            return "";
        }
        String[] w = s.replaceAll("[«»\"“”]", "").strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, TITLE_WORDS))).replaceAll("[,;:.]+$", "");
    }
}

package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.ReportingDeadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reporting deadlines: who reports what to whom by which date, for the plans in scope. */
@jakarta.inject.Singleton
final class DeadlineAnswerer implements Answerer {

    private final Candidates candidates;

    DeadlineAnswerer(Candidates candidates) {
        this.candidates = candidates;
    }

    /**
     * Only a question that asks a date or a time gets a deadline ("trước ngày nào", "khi nào"); one that asks a
     * person, a phone number, a sum or a sanction is not answered by the date a report is due.
     */
    private static boolean asksADate(Understanding u) {
        AskedSpecifics s = u.specifics();
        if (s.person() || s.contact() || s.amount() || s.sanction() || s.number() || s.counted() != null) {
            return false;
        }
        return u.facet() == Facet.DEADLINE || u.facet() == Facet.TIMELINE
                || (" " + u.folded() + " ").contains(" ngay ");
    }

    /** A deadline must cover this much of the question to be its answer when another kind was expected. */
    static final double SPECIFIC = 0.5;

    /**
     * The one deadline of the plans in scope that covers the question ("cơ quan thường trực … cập nhật lên phần
     * mềm theo dõi trước ngày nào mỗi tháng?"), in words the classifier read as another kind: that deadline
     * first, with its section; empty when none covers the question well.
     */
    Optional<Reply> specific(Understanding u) {
        if (u.content().isBlank() || !asksADate(u)) {
            return Optional.empty();
        }
        Coverage c = candidates.coverage();
        Coverage.Query q = c.query(u.content());
        ReportingDeadline best = null;
        Plan bestPlan = null;
        double bestCoverage = 0;
        for (Plan plan : u.plans()) {
            for (ReportingDeadline d : plan.deadlines()) {
                double cov = c.of(q, c.features(d.what()), c.features(d.reporter()), c.features(d.recipient()));
                if (cov > bestCoverage) {
                    best = d;
                    bestPlan = plan;
                    bestCoverage = cov;
                }
            }
        }
        if (best == null || bestCoverage < SPECIFIC) {
            return Optional.empty();
        }
        String text = "Theo " + Wording.plan(bestPlan) + " (" + Wording.section(best.section()) + "): thời hạn là trước ngày "
                + best.date() + (best.recurrence() == null ? "" : " " + best.recurrence()) + ".\n- "
                + Wording.sentence(best.reporter() + " " + best.what() + ", gửi " + best.recipient());
        Source source = Wording.source(bestPlan, best.section(), "Chế độ báo cáo", best.reporter() + " — " + best.what()
                + " — trước ngày " + best.date());
        DialogueState next = DialogueState.after(u, bestPlan.id(), u.province(), null, null);
        return Optional.of(Reply.answer(text, List.of(source), bestCoverage, next, Reply.TOPIC_FROM_QUESTION));
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        List<String> lines = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Plan plan : u.plans()) {
            if (plan.deadlines().isEmpty()) {
                continue;
            }
            lines.add("Theo " + Wording.plan(plan) + ":");
            for (ReportingDeadline d : plan.deadlines()) {
                lines.add("- " + Wording.sentence(d.reporter() + " " + d.what() + ", gửi " + d.recipient()
                        + ", trước ngày " + d.date() + (d.recurrence() == null ? "" : " " + d.recurrence()))
                        + " [" + Wording.section(d.section()) + "]");
                sources.add(Wording.source(plan, d.section(), "Chế độ báo cáo", d.reporter() + " — " + d.what()
                        + " — trước ngày " + d.date()));
            }
            if (u.province() == null && lines.size() > 12) {
                break;
            }
        }
        if (lines.isEmpty()) {
            if (u.plans().isEmpty()) {
                return Optional.empty();
            }
            // Honest absence: the selected plans set no reporting deadline.
            String names = Wording.join(u.plans().stream().limit(3).map(Wording::plan).toList());
            return Optional.of(new Reply("Tôi không tìm thấy quy định về thời hạn báo cáo trong " + names
                    + ". Bạn có thể xem phần Tổ chức thực hiện của kế hoạch.", List.of(), List.of(), true, 0.8,
                    u.state(), Reply.TOPIC_FROM_QUESTION));
        }
        DialogueState next = DialogueState.after(u, u.plans().get(0).id(), u.province(), null, null);
        return Optional.of(Reply.answer(String.join("\n", lines), sources.stream().limit(5).toList(),
                u.province() == null ? 0.5 : 0.8, next, Reply.TOPIC_FROM_QUESTION));
    }
}

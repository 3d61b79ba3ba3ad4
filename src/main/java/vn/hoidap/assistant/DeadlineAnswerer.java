package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.ReportingDeadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reporting deadlines: who reports what to whom by which date, for the plans in scope. */
@jakarta.inject.Singleton
final class DeadlineAnswerer implements Answerer {

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
            return Optional.empty();
        }
        DialogueState next = DialogueState.after(u, u.plans().get(0).id(), u.province(), null, null);
        return Optional.of(Reply.answer(String.join("\n", lines), sources.stream().limit(5).toList(),
                u.province() == null ? 0.5 : 0.8, next, Reply.TOPIC_FROM_QUESTION));
    }
}

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

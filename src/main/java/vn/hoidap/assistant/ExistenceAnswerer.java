package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.search.UnitType;

import java.util.List;
import java.util.Optional;

/**
 * "Kế hoạch của tỉnh … có nhiệm vụ nào về … không?": yes with the task that covers the subject (its
 * number, lead and timeline), or an honest no naming the plan, with the nearest task only as a suggestion.
 */
@Singleton
final class ExistenceAnswerer implements Answerer {

    private final Candidates candidates;
    private final Wording wording;
    private final AssistantConfig config;
    private final PassageAnswerer passages;
    private final PlanSelector selector;

    ExistenceAnswerer(Candidates candidates, Wording wording, AssistantConfig config, PassageAnswerer passages,
                      PlanSelector selector) {
        this.selector = selector;
        this.candidates = candidates;
        this.wording = wording;
        this.config = config;
        this.passages = passages;
    }

    /**
     * "Kế hoạch kinh tế số Đồng Nai có nói về VND số không?": the words after "kế hoạch" / "đề án" that are
     * the selected plan's title name the plan; they are not what the question asks about (every unit of
     * that plan shares them). The subject is what is left, unless nothing is.
     */
    String withoutPlanName(Understanding u, String subject) {
        subject = withoutPlanNumbers(u.plans(), subject);
        PlanSelector.Profile profile = selector.profile(u.plans().get(0).id());
        if (profile == null) {
            return subject;
        }
        List<String> q = ContentWords.tokens(u.text());
        java.util.Set<String> naming = new java.util.HashSet<>();
        for (int i = 0; i < q.size(); i++) {
            int start = -1;
            if (i + 1 < q.size() && (q.get(i).equals("ke") && q.get(i + 1).equals("hoach")
                    || q.get(i).equals("de") && q.get(i + 1).equals("an"))) {
                start = i + 2;
            } else if (q.get(i).equals("kh")) {
                start = i + 1;
            }
            for (int j = start; j >= 0 && j < q.size() && profile.titleWords().contains(q.get(j)); j++) {
                naming.add(q.get(j));
            }
        }
        if (naming.isEmpty()) {
            return subject;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String t : subject.split(" ")) {
            if (!naming.contains(vn.hoidap.text.Fold.fold(t))) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? subject : String.join(" ", kept);
    }

    /**
     * "Kế hoạch 53 của Thanh Hóa có …": the number that selected the plan is left over once "kế hoạch" went
     * with the question words; every unit of that plan shares it, so it is not the subject either.
     */
    static String withoutPlanNumbers(List<Plan> plans, String subject) {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (Plan p : plans) {
            String n = p.meta().number();
            if (n != null) {
                java.util.regex.Matcher m = LEADING_NUMBER.matcher(n);
                if (m.find()) {
                    numbers.add(m.group());
                }
            }
        }
        if (numbers.isEmpty() || subject.isBlank()) {
            return subject;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String t : subject.split(" ")) {
            if (!numbers.contains(t)) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? subject : String.join(" ", kept);
    }

    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("^\\d+");

    @Override
    public Optional<Reply> answer(Understanding u) {
        // the subject without the words that shape a yes/no question ("có nói đến … không")
        if (u.plans().isEmpty() || u.content().isBlank()) {
            return Optional.empty();
        }
        String subject = withoutPlanName(u, u.content());
        List<Candidates.Scored> found = candidates.find(subject, u.plans(), UnitType.TASK, 3, u.ownPlanIds());
        Task task = found.isEmpty() ? null : candidates.task(found.get(0).hit()).orElse(null);
        double coverage = found.isEmpty() ? 0 : found.get(0).coverage();
        Plan plan = task == null ? u.plans().get(0) : candidates.plan(task.planId()).orElse(u.plans().get(0));
        // the body text may say it better than any task ("Tuần lễ Chuyển đổi số" is an event, not a task row)
        Optional<Reply> passage = coverage >= config.sure() ? Optional.empty() : passages.answer(u, u.plans(), subject);
        boolean passageBetter = passage.isPresent() && !passage.get().fallback()
                && passage.get().confidence() >= Math.max(config.existenceThreshold(), coverage + 0.1);
        if (task != null && coverage >= config.existenceThreshold() && !passageBetter) {
            StringBuilder sb = new StringBuilder("Có. ").append(Wording.plan(plan)).append(" có nhiệm vụ «")
                    .append(Wording.sentence(task.title()).replaceAll("\\.$", "")).append("» (")
                    .append(Wording.section(task.section())).append(")");
            String lead = wording.agencies(task.lead());
            if (!lead.isEmpty()) {
                sb.append(", do ").append(lead).append(" chủ trì");
            }
            if (task.timeline() != null && !task.timeline().isBlank()) {
                sb.append(", thời gian: ").append(task.timeline().strip());
            }
            sb.append('.');
            String coord = wording.agencies(task.coordinate());
            if (!coord.isEmpty()) {
                sb.append("\n- Đơn vị phối hợp: ").append(coord);
            }
            if (task.result() != null && !task.result().isBlank()) {
                sb.append("\n- Kết quả: ").append(task.result().strip());
            }
            DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TASK, task.id());
            return Optional.of(Reply.answer(sb.toString(), List.of(Wording.source(plan, task.section(), task.title(),
                    task.title())), Math.max(coverage, config.sure()), next, Reply.TOPIC_FROM_QUESTION));
        }
        // Not a task, but the body text may say it ("tổ chức Tuần lễ chuyển đổi số", "thu phí không dừng"):
        // yes, with the passage quoted
        if (passage.isPresent() && !passage.get().fallback() && passage.get().confidence() >= config.existenceThreshold()) {
            Reply p = passage.get();
            return Optional.of(new Reply("Có. " + p.text(), p.sources(), p.suggestions(), false,
                    Math.max(p.confidence(), config.sure()), p.session(), p.topic()));
        }
        // Honest absence: no task or passage of the selected plans is about this subject.
        String names = Wording.join(u.plans().stream().map(Wording::plan).distinct().toList());
        StringBuilder sb = new StringBuilder("Không thấy. Trong ").append(names)
                .append(", tôi không tìm thấy nhiệm vụ nào về «").append(subject).append("».");
        List<String> suggestions = List.of();
        if (task != null) {
            sb.append(" Nhiệm vụ gần nhất là «").append(Wording.shorten(task.title(), 160)).append("» (")
                    .append(Wording.section(task.section())).append("), nhưng không đúng nội dung bạn hỏi.");
            suggestions = List.of("Ai chủ trì nhiệm vụ " + Wording.shorten(task.title(), 80) + "?");
        }
        return Optional.of(new Reply(sb.toString(), List.of(), suggestions, true, 0.8, u.state(),
                Reply.TOPIC_FROM_QUESTION));
    }
}

package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers what a body or province of the plans became in the 2025 reorganisation — "Sở TT&TT bây giờ là sở
 * nào?", "sở đó giờ sáp nhập vào đâu?" (the body the conversation just named), "không còn cấp huyện thì việc
 * đó chuyển cho ai?", "Bình Định giờ thuộc tỉnh nào?" — from the successions of corpus/agencies.yaml and the
 * mergers of corpus/provinces.yaml, each with its date and legal basis, and what that means for the plans'
 * tasks. A body whose fate the data does not state gets an honest "not known", never a guess. Also notices a
 * question that names a former body about a plan issued after it ceased ("Sở TT&TT là đầu mối của KH 617?").
 */
@Singleton
final class ReorgAnswerer implements Answerer {

    private static final int SHORT_QUESTION = 10;
    private static final int EXAMPLES = 3;
    /** How well a task must cover the question's subject to be the task it asks about. */
    private static final double TASK_COVERAGE = 0.5;

    private final Knowledge knowledge;
    private final ReorgCues cues;
    private final Candidates candidates;

    ReorgAnswerer(Knowledge knowledge, ReorgCues cues, Candidates candidates) {
        this.knowledge = knowledge;
        this.cues = cues;
        this.candidates = candidates;
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        if (u.specifics().person()) {
            // "Ai là giám đốc Sở … hiện nay?": a person, which no reorganisation record names
            return Optional.empty();
        }
        String padded = Phrases.padded(u.text());
        boolean changed = Phrases.any(padded, cues.changed());
        boolean now = Phrases.any(padded, cues.now());
        boolean shortQuestion = padded.strip().split(" ").length <= SHORT_QUESTION;
        AgencyDirectory agencies = knowledge.agencies();
        List<Agency> named = named(u.text());
        List<Agency> former = named.stream().filter(a -> a.successor() != null).toList();

        boolean asksBody = Phrases.any(padded, cues.which()) && (changed || now) || changed && shortQuestion;
        if (asksBody) {
            if (!former.isEmpty()) {
                // "UBND cấp huyện không còn, vậy nhiệm vụ phổ cập kỹ năng số qua MOOCs giờ ai làm?": a task named
                // beside the former body is what is asked; its own lead answers, with who holds each role now
                Optional<Reply> byTask = aboutATask(u, former);
                return Optional.of(byTask.orElseGet(() -> succession(u, former, null, null)));
            }
            if (named.isEmpty() && Phrases.any(padded, cues.referents())) {
                Optional<Reply> back = referent(u);
                if (back.isPresent()) {
                    return back;
                }
            }
            if (named.isEmpty() && Phrases.any(padded, cues.district()) && Phrases.any(padded, cues.districtWork())) {
                Optional<Agency> district = agencies.byId(cues.districtAgency());
                if (district.isPresent() && district.get().successor() != null) {
                    return Optional.of(succession(u, List.of(district.get()), null, null));
                }
            }
            List<Agency> successors = named.stream().filter(a -> !agencies.predecessorsOf(a).isEmpty()).toList();
            if (!successors.isEmpty() && changed) {
                List<Agency> before = successors.stream().flatMap(a -> agencies.predecessorsOf(a).stream()).distinct().toList();
                return Optional.of(succession(u, before, null, null));
            }
            if (!named.isEmpty() || u.unknownAgency() != null) {
                return Optional.of(notKnown(u, named.isEmpty() ? u.unknownAgency() : named.get(0).name()));
            }
        }
        boolean asksProvince = (changed || now) && Phrases.any(padded, cues.provinceAsks()) || changed && shortQuestion;
        if (asksProvince && named.isEmpty() && !Phrases.any(padded, cues.bodyWords())) {
            Optional<Reply> province = province(u);
            if (province.isPresent()) {
                return province;
            }
        }
        if (!former.isEmpty()) {
            return anachronism(u, former.get(0));
        }
        List<Agency> today = named.stream().filter(a -> !agencies.predecessorsOf(a).isEmpty()).toList();
        if (!today.isEmpty()) {
            // "Sở KH&CN tỉnh Gia Lai có phải lo việc đào tạo 20 chuyên gia theo kế hoạch cũ của Bình Định không?":
            // today's body asked about a task an older plan gave its predecessor: the plan as written, then who
            // holds the role now
            return aboutATask(u, List.of()).filter(r -> ledByAPredecessor(r, today));
        }
        return Optional.empty();
    }

    /** Whether the task of a task-based reply is led by a predecessor of one of {@code today}'s bodies. */
    private boolean ledByAPredecessor(Reply r, List<Agency> today) {
        DialogueState s = r.session();
        Optional<Task> task = s == null || s.planId() == null ? Optional.empty() : knowledge.plan(s.planId())
                .flatMap(p -> p.tasks().stream().filter(t -> t.id().equals(s.unitId())).findFirst());
        // a task that names today's body itself (as coordinator, say) is asked as written, not as a succession
        return task.isPresent() && today.stream().flatMap(a -> knowledge.agencies().predecessorsOf(a).stream())
                .anyMatch(before -> names(task.get().lead(), before))
                && today.stream().noneMatch(a -> names(task.get().lead(), a) || names(task.get().coordinate(), a));
    }

    /** Every agency the question names, in order, once each. */
    private List<Agency> named(String text) {
        Map<String, Agency> out = new LinkedHashMap<>();
        for (AgencyDirectory.AgencyHit hit : knowledge.agencies().findIn(text)) {
            out.putIfAbsent(hit.agency().id(), hit.agency());
        }
        return List.copyOf(out.values());
    }

    /** "Sở đó bây giờ là sở nào?": the body the last answer was about — its task's lead, or the agency asked. */
    private Optional<Reply> referent(Understanding u) {
        DialogueState s = u.state();
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = s.planId() == null ? null : knowledge.plan(s.planId()).orElse(null);
        Task task = plan == null || !DialogueState.TASK.equals(s.unitKind()) ? null
                : plan.tasks().stream().filter(t -> t.id().equals(s.unitId())).findFirst().orElse(null);
        List<Agency> bodies = new ArrayList<>();
        if (task != null) {
            for (AgencyMention m : task.lead()) {
                knowledge.agencies().byId(m.agencyId()).ifPresent(bodies::add);
            }
        }
        if (bodies.isEmpty() && s.agencyId() != null) {
            knowledge.agencies().byId(s.agencyId()).ifPresent(bodies::add);
        }
        if (bodies.isEmpty()) {
            return Optional.empty();
        }
        List<Agency> former = bodies.stream().filter(a -> a.successor() != null).toList();
        if (former.isEmpty()) {
            return Optional.of(notKnown(u, bodies.get(0).name()));
        }
        return Optional.of(task != null ? succession(u, List.of(), plan, task) : succession(u, former, null, null));
    }

    /**
     * Who holds each body's role now, with date and basis; then what it means for the plans in play: the
     * task just discussed, or how many tasks each plan gives the body, with examples.
     */
    private Reply succession(Understanding u, List<Agency> bodies, Plan taskPlan, Task task) {
        List<String> lines = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<Agency> all = new ArrayList<>(bodies);
        if (task != null) {
            String coordinate = task.coordinate().isEmpty() ? ""
                    : ", phối hợp: " + Wording.join(task.coordinate().stream().map(AgencyMention::text).toList());
            lines.add("Theo " + Wording.plan(taskPlan) + " (" + Wording.section(task.section()) + "), nhiệm vụ «"
                    + Wording.shorten(task.title(), 160) + "» do "
                    + Wording.join(task.lead().stream().map(AgencyMention::text).toList()) + " chủ trì" + coordinate + ".");
            sources.add(Wording.source(taskPlan, task.section(), "Nhiệm vụ", task.title()));
            for (AgencyMention m : task.lead()) {
                knowledge.agencies().byId(m.agencyId()).filter(a -> a.successor() != null && !all.contains(a))
                        .ifPresent(all::add);
            }
        }
        List<Plan> plans = task != null ? List.of() : u.province() != null
                || u.specifics().documentNumber() != null ? u.plans() : List.of();
        for (Agency a : all) {
            Agency.Succession s = a.successor();
            String now = now(s);
            lines.add(a.name() + " nay là " + now + ": " + note(s));
            sources.add(new Source("Sắp xếp tổ chức bộ máy năm 2025: " + s.source(), null, null, null,
                    Wording.shorten(s.note() == null ? now : s.note(), 300)));
            if (task != null && names(task.lead(), a)) {
                lines.add("Vì vậy, vai trò chủ trì nhiệm vụ này nay thuộc " + now + ".");
            }
            for (Plan p : plans) {
                List<Task> lead = p.tasks().stream().filter(t -> names(t.lead(), a)).toList();
                List<Task> coordinate = p.tasks().stream().filter(t -> !names(t.lead(), a) && names(t.coordinate(), a)).toList();
                if (lead.isEmpty() && coordinate.isEmpty()) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(Wording.plan(p)).append(" giao ").append(a.name());
                if (!lead.isEmpty()) {
                    sb.append(" chủ trì ").append(lead.size()).append(" nhiệm vụ");
                }
                if (!coordinate.isEmpty()) {
                    sb.append(lead.isEmpty() ? " phối hợp " : ", phối hợp ").append(coordinate.size()).append(" nhiệm vụ");
                }
                List<Task> examples = new ArrayList<>(lead);
                examples.addAll(coordinate);
                sb.append(" (ví dụ: ").append(String.join("; ", examples.stream().limit(EXAMPLES)
                        .map(t -> "«" + Wording.shorten(t.title(), 120) + "», " + Wording.section(t.section())).toList()))
                        .append("); các nhiệm vụ này nay thuộc ").append(now).append(".");
                lines.add(sb.toString());
                sources.add(Wording.source(p, examples.get(0).section(), "Nhiệm vụ", examples.get(0).title()));
            }
        }
        DialogueState next = task != null
                ? DialogueState.after(u, taskPlan.id(), taskPlan.meta().province(), DialogueState.TASK, task.id())
                : DialogueState.after(u, plans.isEmpty() ? null : plans.get(0).id(), u.province(), null, null);
        return Reply.answer(String.join("\n", lines), sources.stream().limit(5).toList(), 0.9, next,
                "sap-xep-to-chuc-2025");
    }

    private String now(Agency.Succession s) {
        return s.name() != null ? s.name() : knowledge.agencies().byId(s.agencyId()).map(Agency::name).orElse("");
    }

    /** The succession's note with its basis: "Sở … hợp nhất vào … từ 01/3/2025 (Nghị định 45/2025/NĐ-CP …)." */
    private static String note(Agency.Succession s) {
        String note = s.note() == null ? "" : s.note().strip();
        if (note.isEmpty() && s.effective() != null) {
            note = "từ " + Wording.displayDate(s.effective());
        }
        if (note.endsWith(".")) {
            note = note.substring(0, note.length() - 1);
        }
        return note + (s.source() == null ? "" : " (" + s.source() + ")") + ".";
    }

    /** The task the question names beside a former body, in the plans it selected, if one covers it well. */
    private Optional<Reply> aboutATask(Understanding u, List<Agency> former) {
        if (u.plans().isEmpty() || u.province() == null && u.specifics().documentNumber() == null
                || u.subjectWords() < 2) {
            return Optional.empty();
        }
        // the words that ask about the reorganisation ("không còn", "giờ ai làm") are not the task's subject
        List<String> cueWords = new ArrayList<>(cues.changed());
        cueWords.addAll(cues.now());
        cueWords.addAll(cues.which());
        cueWords.addAll(cues.district());
        String subject = ContentWords.without(u.subject(), cueWords);
        if (subject.isBlank() || subject.split(" ").length < 2) {
            return Optional.empty();
        }
        List<Candidates.Scored> hits = candidates.find(subject, u.plans(), vn.hoidap.search.UnitType.TASK, 1,
                u.ownPlanIds());
        if (hits.isEmpty() || hits.get(0).coverage() < TASK_COVERAGE) {
            return Optional.empty();
        }
        vn.hoidap.search.SearchHit hit = hits.get(0).hit();
        Optional<Plan> plan = knowledge.plan(hit.planId());
        Optional<Task> task = plan.flatMap(p -> p.tasks().stream().filter(t -> t.id().equals(hit.id())).findFirst());
        if (task.isEmpty() || task.get().lead().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(succession(u, former, plan.get(), task.get()));
    }

    private static boolean names(List<AgencyMention> mentions, Agency a) {
        return mentions.stream().anyMatch(m -> a.id().equals(m.agencyId()));
    }

    /** A body whose 2025 fate the data does not state: say so, and what is known, never a guess. */
    private Reply notKnown(Understanding u, String body) {
        List<String> known = knowledge.agencies().all().stream()
                .filter(a -> a.successor() != null && a.province() == null && a.successor().name() != null
                        && (a.kind() == null || a.kind().equals("sở") || a.kind().equals("bộ")))
                .map(a -> a.name() + " → " + a.successor().name()).toList();
        String text = "Tôi chưa có thông tin đã kiểm chứng về việc " + body
                + " thay đổi thế nào trong đợt sắp xếp tổ chức bộ máy năm 2025, nên không thể nói cơ quan nào đảm nhận"
                + " thay. Những thay đổi tôi có nguồn: " + String.join("; ", known)
                + ". Bạn có thể hỏi bộ phận một cửa hoặc xem cổng thông tin điện tử của UBND tỉnh.";
        return new Reply(text, List.of(), List.of(), true, 0.8, u.state(), "sap-xep-to-chuc-2025");
    }

    /** "Bình Định giờ thuộc tỉnh nào?", "Đồng Nai mới gồm những tỉnh nào?": the merger, and whose plans answer. */
    private Optional<Reply> province(Understanding u) {
        ProvinceDirectory provinces = knowledge.provinces();
        for (ProvinceDirectory.ProvinceHit hit : provinces.findIn(u.text())) {
            Province p = hit.province();
            if (p.note() == null) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            lines.add(p.note() + (p.source() == null ? "" : " (" + p.source() + ")."));
            Province today = p.mergedInto() == null ? p : provinces.byId(p.mergedInto()).orElse(p);
            ProvinceDirectory.ProvincePlans plans = provinces.plansFor(today, knowledge.plans());
            List<Plan> issued = plans.all().stream().filter(x -> !x.meta().isDraft()).toList();
            if (!issued.isEmpty() && (p != today || !plans.merged().isEmpty())) {
                lines.add("Các kế hoạch vẫn mang tên tỉnh đã ban hành; khi bạn hỏi về tỉnh " + today.name()
                        + ", tôi trả lời từ: " + Wording.join(issued.stream().map(Wording::plan).toList()) + ".");
            }
            List<Source> sources = List.of(new Source("Sắp xếp đơn vị hành chính cấp tỉnh năm 2025: "
                    + (p.source() == null ? "" : p.source()), null, null, null, p.note()));
            DialogueState next = DialogueState.after(u, null, today.name(), null, null);
            return Optional.of(Reply.answer(String.join("\n", lines), sources, 0.9, next, "sap-xep-to-chuc-2025"));
        }
        return Optional.empty();
    }

    /**
     * A former body named in a question about plans issued after it ceased: those plans cannot give it work,
     * so the answer says who took its role and what the plans give that body.
     */
    private Optional<Reply> anachronism(Understanding u, Agency former) {
        Agency.Succession s = former.successor();
        if (u.plans().isEmpty() || s.effective() == null || s.agencyId() == null
                || u.province() == null && u.specifics().documentNumber() == null) {
            return Optional.empty();
        }
        Optional<Agency> successor = knowledge.agencies().byId(s.agencyId());
        boolean allLater = u.plans().stream().allMatch(p -> p.meta().issueDate() != null
                && p.meta().issueDate().compareTo(s.effective()) > 0
                && p.tasks().stream().noneMatch(t -> names(t.lead(), former) || names(t.coordinate(), former)));
        if (!allLater || successor.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = u.plans().get(0);
        Agency now = knowledge.agencies().localMember(successor.get(), plan.meta().province());
        List<Task> lead = plan.tasks().stream().filter(t -> names(t.lead(), now) || names(t.lead(), successor.get())).toList();
        StringBuilder sb = new StringBuilder();
        sb.append(Wording.plan(plan)).append(" được ban hành sau khi ").append(former.name()).append(" không còn: ")
                .append(note(s)).append(" Vì vậy kế hoạch giao việc cho ")
                .append(now.name());
        if (!lead.isEmpty()) {
            sb.append(", đơn vị chủ trì ").append(lead.size()).append(" nhiệm vụ (ví dụ: ")
                    .append(String.join("; ", lead.stream().limit(EXAMPLES)
                            .map(t -> "«" + Wording.shorten(t.title(), 120) + "», " + Wording.section(t.section())).toList()))
                    .append(")");
        }
        sb.append(".");
        List<Source> sources = new ArrayList<>();
        if (!lead.isEmpty()) {
            sources.add(Wording.source(plan, lead.get(0).section(), "Nhiệm vụ", lead.get(0).title()));
        }
        sources.add(new Source("Sắp xếp tổ chức bộ máy năm 2025: " + s.source(), null, null, null, s.note()));
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), null, null);
        return Optional.of(Reply.answer(sb.toString(), sources, 0.85, next, "sap-xep-to-chuc-2025"));
    }
}

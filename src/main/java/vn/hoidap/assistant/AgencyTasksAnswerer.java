package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "What is my agency assigned?": every task of the plans in scope where the agency (or, when today's name
 * was asked, the 2022 agency it replaced) leads or coordinates, grouped by role, plus what the
 * "Tổ chức thực hiện" part asks of it.
 */
@jakarta.inject.Singleton
final class AgencyTasksAnswerer implements Answerer {

    private static final int MAX_PER_ROLE = 8;

    private final AgencyDirectory agencies;
    private final Wording wording;
    private final Absence absence;
    private final Candidates candidates;

    AgencyTasksAnswerer(vn.hoidap.corpus.Knowledge knowledge, Wording wording, Absence absence, Candidates candidates) {
        this.agencies = knowledge.agencies();
        this.wording = wording;
        this.absence = absence;
        this.candidates = candidates;
    }

    /** Empty when the question names no known agency; a fallback reply when the plans give it nothing. */
    @Override
    public Optional<Reply> answer(Understanding u) {
        Agency asked = u.agency();
        if (asked == null) {
            return Optional.empty();
        }
        Set<String> ids = idsFor(asked);
        // "Phụ lục danh mục nhiệm vụ của KH … giao việc gì cho …?": the appendix rows only, and a plan without
        // an appendix table says so instead of answering from its body
        boolean appendix = AppendixRows.asked(u.folded())
                && (u.province() != null || u.specifics().documentNumber() != null);
        if (appendix && AppendixRows.noneHasRows(u.plans())) {
            Reply r = absence.reply(u, u.plans(), "phụ lục danh mục nhiệm vụ",
                    "nhiệm vụ của các sở, ngành được nêu trong phần nội dung của văn bản.",
                    List.of(), List.of(asked.name() + " được giao những nhiệm vụ gì trong "
                            + Wording.plan(u.plans().get(0)) + "?"));
            return Optional.of(new Reply(r.text(), r.sources(), r.suggestions(), true, 0.9, u.state(), r.topic()));
        }
        List<String> blocks = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<AgencyMention> seen = new ArrayList<>();
        List<Task> leadTasks = new ArrayList<>();
        for (Plan plan : u.plans()) {
            List<Task> lead = new ArrayList<>();
            List<Task> coord = new ArrayList<>();
            boolean rowsOnly = appendix && AppendixRows.hasRows(plan);
            for (Task t : plan.tasks()) {
                if (rowsOnly && !AppendixRows.isRow(t)) {
                    continue;
                }
                if (u.role() != Role.COORDINATE && mentions(t.lead(), ids, seen)) {
                    lead.add(t);
                } else if (u.role() != Role.LEAD && mentions(t.coordinate(), ids, seen)) {
                    coord.add(t);
                }
            }
            List<Responsibility> duties = rowsOnly ? List.of() : plan.responsibilities().stream()
                    .filter(r -> r.agency().agencyId() != null && ids.contains(r.agency().agencyId())).toList();
            leadTasks.addAll(lead);
            if (lead.isEmpty() && coord.isEmpty() && duties.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder("Theo " + Wording.plan(plan) + ":");
            appendTasks(sb, "Chủ trì", lead, plan, sources);
            appendTasks(sb, "Phối hợp", coord, plan, sources);
            for (Responsibility r : duties) {
                sb.append("\n• Trách nhiệm được giao (").append(Wording.section(r.section())).append("): ");
                sb.append(String.join(" ", r.duties().stream().map(Wording::sentence).toList()));
                sources.add(Wording.source(plan, r.section(), "Tổ chức thực hiện — " + r.agency().text(),
                        String.join(" ", r.duties())));
            }
            blocks.add(sb.toString());
        }
        String who = asked.name();
        if (blocks.isEmpty()) {
            String where = u.province() == null ? "các kế hoạch hiện có" : "kế hoạch của tỉnh " + u.province();
            return Optional.of(new Reply("Tôi không thấy nhiệm vụ nào " + roleWords(u.role()) + "giao cho " + who
                    + " trong " + where + ".", List.of(), List.of(), true, 0.9, u.state(), Reply.TOPIC_FROM_QUESTION));
        }
        Optional<Reply> absent = absent(u, who, leadTasks, sources);
        if (absent.isPresent()) {
            return absent;
        }
        List<String> lines = new ArrayList<>();
        lines.add(who + " được giao các nhiệm vụ sau:");
        lines.addAll(blocks);
        lines.addAll(wording.successionNotes(seen));
        // One task led: the conversation is about it ("đơn vị nào phối hợp?" asks its coordinators next).
        DialogueState next = leadTasks.size() == 1
                ? DialogueState.after(u, leadTasks.get(0).planId(), u.province(), DialogueState.TASK, leadTasks.get(0).id())
                : DialogueState.after(u, u.plans().isEmpty() ? null : u.plans().get(0).id(), u.province(), null, null);
        return Optional.of(Reply.answer(String.join("\n", lines), sources.stream().limit(5).toList(), 0.85, next,
                Reply.TOPIC_FROM_QUESTION));
    }

    /**
     * "Ai là giám đốc Sở …?", "số điện thoại Sở … là bao nhiêu?": the agency's tasks do not hold a person's
     * name, a phone number or a sum asked about it. Said as such, with what the agency is given as context.
     */
    private Optional<Reply> absent(Understanding u, String who, List<Task> leadTasks, List<Source> sources) {
        Coverage c = candidates.coverage();
        List<Coverage.Features> texts = new ArrayList<>();
        for (Source s : sources) {
            texts.add(c.features(s.title()));
            texts.add(c.features(s.snippet()));
        }
        Optional<String> missing = absence.missing(u.specifics(), false, texts.toArray(Coverage.Features[]::new));
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String nearest = who + " chủ trì " + leadTasks.size() + " nhiệm vụ"
                + (leadTasks.isEmpty() ? "" : ", ví dụ «" + Wording.shorten(leadTasks.get(0).title(), 120) + "»") + ".";
        Reply r = absence.reply(u, u.plans().stream().limit(2).toList(), missing.get() + " về " + who, nearest,
                sources.stream().limit(3).toList(), List.of(who + " được giao những nhiệm vụ gì?"));
        return Optional.of(r);
    }

    /** The asked agency, and the agencies it succeeded (a question by today's name covers the 2022 tasks). */
    private Set<String> idsFor(Agency asked) {
        Set<String> ids = new HashSet<>();
        ids.add(asked.id());
        for (Agency a : agencies.all()) {
            if (a.successor() != null && asked.id().equals(a.successor().agencyId())) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    private static boolean mentions(List<AgencyMention> mentions, Set<String> ids, List<AgencyMention> seen) {
        for (AgencyMention m : mentions) {
            if (m.agencyId() != null && ids.contains(m.agencyId())) {
                seen.add(m);
                return true;
            }
        }
        return false;
    }

    private void appendTasks(StringBuilder sb, String role, List<Task> tasks, Plan plan, List<Source> sources) {
        if (tasks.isEmpty()) {
            return;
        }
        sb.append("\n• ").append(role).append(" ").append(tasks.size()).append(" nhiệm vụ:");
        int n = 0;
        for (Task t : tasks) {
            if (n++ == MAX_PER_ROLE) {
                sb.append("\n  … và ").append(tasks.size() - MAX_PER_ROLE).append(" nhiệm vụ khác.");
                break;
            }
            sb.append("\n  - ").append(Wording.shorten(t.title(), 160));
            if (t.timeline() != null) {
                sb.append(" (thời gian: ").append(t.timeline()).append(")");
            }
            sb.append(" [").append(Wording.section(t.section())).append("]");
            sources.add(Wording.source(plan, t.section(), t.title(), t.result()));
        }
    }

    private static String roleWords(Role role) {
        if (role == Role.LEAD) {
            return "chủ trì ";
        }
        if (role == Role.COORDINATE) {
            return "phối hợp ";
        }
        return "";
    }
}

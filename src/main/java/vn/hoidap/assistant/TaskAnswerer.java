package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.search.UnitType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who leads, who coordinates, when, with what result: finds the task the question is about (or takes the
 * one the conversation is on) and answers with the asked part first and the rest of the task card after.
 */
@jakarta.inject.Singleton
final class TaskAnswerer implements Answerer {

    private final Candidates candidates;
    private final Wording wording;
    private final Absence absence;
    private final SentenceSplitter sentences;
    /** A task description's sentences, split once (the corpus's descriptions bound it). */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> sentencesOf =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000).executor(Runnable::run).build();

    TaskAnswerer(Candidates candidates, Wording wording, Absence absence, SentenceSplitter sentences) {
        this.sentences = sentences;
        this.candidates = candidates;
        this.wording = wording;
        this.absence = absence;
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        Task task = null;
        Plan plan = null;
        double confidence;
        String unitText = null;
        if (u.unitFollowUp() && DialogueState.TASK.equals(u.state().unitKind())) {
            plan = candidates.plan(u.state().planId()).orElse(null);
            task = plan == null ? null : plan.tasks().stream()
                    .filter(t -> t.id().equals(u.state().unitId())).findFirst().orElse(null);
            confidence = 0.8;
        } else {
            List<Candidates.Scored> found = candidates.find(u.content(), u.plans(), UnitType.TASK, FOUND, u.ownPlanIds());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            boolean appendix = AppendixRows.asked(u.folded()) && named(u);
            if (appendix && AppendixRows.noneHasRows(u.plans())) {
                return noAppendix(u, found.get(0));
            }
            Candidates.Scored best = appendix ? appendixRow(u, found).orElse(found.get(0)) : found.get(0);
            task = candidates.task(best.hit()).orElse(null);
            unitText = best.hit().text();
            plan = task == null ? null : candidates.plan(task.planId()).orElse(null);
            confidence = appendix && task != null && AppendixRows.isRow(task) ? rowConfidence(u, best) : best.coverage();
        }
        if (task == null || plan == null) {
            return Optional.empty();
        }
        Source source = Wording.source(plan, task.section(), task.title(),
                task.title() + (task.result() == null ? "" : " — Kết quả: " + task.result()));
        Optional<Reply> absent = absent(u, plan, task, unitText, source);
        if (absent.isPresent()) {
            return absent;
        }
        String text = card(u, plan, task);
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TASK, task.id());
        return Optional.of(Reply.answer(text, List.of(source), confidence, next, Reply.TOPIC_FROM_QUESTION));
    }

    /**
     * The task was found but does not hold what was asked: its timeline or result is not written, or the
     * question asks a sum or a sanction the task does not mention. Said as such, the card as context.
     */
    private Optional<Reply> absent(Understanding u, Plan plan, Task task, String unitText, Source source) {
        Headline h = headline(u, task);
        String title = "«" + Wording.shorten(task.title(), 160) + "»";
        String missing = null;
        boolean specificGap = false;
        if (h == Headline.WHEN && blank(task.timeline())) {
            missing = "thời gian thực hiện của nhiệm vụ " + title;
        } else if (h == Headline.RESULT && blank(task.result())) {
            missing = "kết quả cần đạt của nhiệm vụ " + title;
        } else {
            Coverage c = candidates.coverage();
            boolean who = u.facet() == Facet.LEAD || u.facet() == Facet.COORDINATORS;
            missing = absence.missing(who ? u.specifics().ofAnAgency() : u.specifics(), false, c.features(task.title()),
                    c.features(unitText == null ? task.description() : unitText)).map(m -> m + " của nhiệm vụ " + title)
                    .orElse(null);
            specificGap = missing != null;
        }
        if (missing == null) {
            return Optional.empty();
        }
        String lead = wording.agencies(task.lead());
        String nearest = "nhiệm vụ " + title + " (" + Wording.section(task.section()) + ")"
                + (lead.isEmpty() ? "" : " do " + lead + " chủ trì")
                + (blank(task.timeline()) ? "" : ", thời gian: " + task.timeline().strip()) + ".";
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.TASK, task.id());
        Reply r = absence.reply(u, List.of(plan), missing, nearest, List.of(source), List.of());
        // The task's own card lacking its timeline or result is sure; a figure or sum the task row does not
        // hold may still be in the body text ("18 lớp tập huấn"): unsure, so the passages get their say.
        double confidence = specificGap ? UNSURE_ABSENCE : r.confidence();
        return Optional.of(new Reply(r.text(), r.sources(), r.suggestions(), true, confidence, next, r.topic()));
    }

    /** As many candidates as one search returns anyway: the appendix row may rank below its body twin. */
    static final int FOUND = 8;

    private static boolean named(Understanding u) {
        return u.province() != null || u.specifics().documentNumber() != null;
    }

    /**
     * A row found for a question that names the appendix: its coverage of the question without the words that
     * name the appendix (no row says "phụ lục"), and a bonus, since the question names the kind of unit too.
     */
    private double rowConfidence(Understanding u, Candidates.Scored row) {
        Coverage c = candidates.coverage();
        String rest = ContentWords.without(u.content(), AppendixRows.WORDS);
        double cov = rest.isBlank() ? row.coverage()
                : c.of(c.query(rest), c.features(row.hit().title()), c.features(row.hit().text()));
        return Math.min(1.0, Math.max(cov, row.coverage()) + AppendixRows.NAMED_BONUS);
    }

    /**
     * The row of an appendix table among the candidates that covers the question best once the appendix words
     * are set aside (the search ranks by words the rows never hold); the search's order breaks ties.
     */
    private Optional<Candidates.Scored> appendixRow(Understanding u, List<Candidates.Scored> found) {
        Candidates.Scored best = null;
        double bestConfidence = -1;
        for (Candidates.Scored s : found) {
            Optional<Task> t = candidates.task(s.hit());
            if (t.isPresent() && AppendixRows.isRow(t.get())) {
                double c = rowConfidence(u, s);
                if (c > bestConfidence + 1e-9) {
                    best = s;
                    bestConfidence = c;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * "Phụ lục danh mục nhiệm vụ của KH 597 giao việc gì …?" of a plan that has no appendix table: said as
     * such, naming the plan, with the nearest body task as context only.
     */
    private Optional<Reply> noAppendix(Understanding u, Candidates.Scored nearest) {
        List<Plan> plans = u.plans();
        Optional<Task> t = candidates.task(nearest.hit());
        String near = t.map(task -> "nhiệm vụ «" + Wording.shorten(task.title(), 160) + "» ("
                + Wording.section(task.section()) + ")" + (task.lead().isEmpty() ? "" : " do "
                + wording.agencies(task.lead()) + " chủ trì") + ".").orElse(null);
        List<Source> sources = t.flatMap(task -> candidates.plan(task.planId())
                .map(p -> Wording.source(p, task.section(), task.title(), task.title()))).stream().toList();
        Reply r = absence.reply(u, plans, "phụ lục danh mục nhiệm vụ", near, sources, List.of());
        return Optional.of(new Reply(r.text(), r.sources(), r.suggestions(), true, NO_APPENDIX, u.state(), r.topic()));
    }

    /** The plan's own outline lacking an appendix is sure: no other answerer holds a row of it. */
    private static final double NO_APPENDIX = 0.85;

    /** Below the router's "sure": the other answerers are still asked. */
    private static final double UNSURE_ABSENCE = 0.5;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    String card(Understanding u, Plan plan, Task task) {
        List<String> lines = new ArrayList<>();
        String where = "Theo " + Wording.plan(plan) + " (" + Wording.section(task.section()) + "), nhiệm vụ «"
                + Wording.sentence(task.title()).replaceAll("\\.$", "") + "»";
        String lead = wording.agencies(task.lead());
        String coord = wording.agencies(task.coordinate());
        switch (headline(u, task)) {
            case COORDINATE -> lines.add(where + (coord.isEmpty()
                    ? " không ghi đơn vị phối hợp; đơn vị chủ trì là " + lead + "."
                    : " có các đơn vị phối hợp: " + coord + "."));
            case WHEN -> lines.add(where + " có thời gian thực hiện: " + orUnknown(task.timeline()) + ".");
            case RESULT -> lines.add(where + " có kết quả cần đạt: " + orUnknown(task.result()));
            default -> {
                String fact = askedFact(u, task);
                lines.add(fact != null ? where + ": «" + fact.strip() + "»"
                        : where + " do " + (lead.isEmpty() ? "(không ghi rõ)" : lead) + " chủ trì.");
            }
        }
        lines.add("- Đơn vị chủ trì: " + (lead.isEmpty() ? "không ghi rõ" : lead));
        if (!coord.isEmpty()) {
            lines.add("- Đơn vị phối hợp: " + coord);
        }
        if (task.timeline() != null) {
            lines.add("- Thời gian thực hiện: " + task.timeline());
        }
        if (headline(u, task) == Headline.WHEN && namesAnotherTime(task)) {
            // the body text often dates the task more precisely than the appendix row ("quý IV/2023" where
            // the table says "2022-2025"): both are what the document says
            lines.add("- Nội dung chi tiết: " + Wording.shorten(task.description().strip(), 400));
        }
        if (task.result() != null) {
            lines.add("- Kết quả: " + task.result());
        }
        List<vn.hoidap.corpus.AgencyMention> all = new ArrayList<>(task.lead());
        all.addAll(task.coordinate());
        lines.addAll(wording.successionNotes(all));
        if (plan.meta().isDraft()) {
            lines.add("(Đây là nội dung của bản dự thảo; bản kế hoạch đã ban hành mới có giá trị.)");
        }
        return String.join("\n", lines);
    }

    /**
     * A question that asks a specific and no part of the card ("… được phê duyệt tại quyết định số mấy?",
     * "bao nhiêu …"): the sentence of the task's text that holds it and covers the question best, or null.
     */
    private String askedFact(Understanding u, Task task) {
        AskedSpecifics s = u.specifics();
        boolean asksFact = u.facet() == Facet.NONE || u.facet() == Facet.FIGURE;
        if (!asksFact || !(s.number() || s.amount() || s.percent() || s.counted() != null)
                || blank(task.description()) || u.content().isBlank()) {
            return null;
        }
        Coverage c = candidates.coverage();
        Coverage.Query q = c.query(u.content());
        String best = null;
        double bestCoverage = 0;
        for (String sentence : sentencesOf.get(task.description(), sentences::split)) {
            Coverage.Features f = c.features(sentence);
            if (!Absence.hasFigure(f) || absence.missing(s, false, f).isPresent()) {
                continue;
            }
            double cov = c.of(q, f);
            if (cov > bestCoverage) {
                bestCoverage = cov;
                best = sentence;
            }
        }
        return best == null ? null : Wording.shorten(best, 500);
    }

    /** Whether the task's description names a year its timeline does not (read from cached words). */
    private boolean namesAnotherTime(Task task) {
        if (blank(task.description()) || task.description().equals(task.title())) {
            return false;
        }
        String timeline = task.timeline() == null ? "" : task.timeline();
        for (String w : candidates.coverage().features(task.description()).folded()) {
            if (w.length() >= 4 && w.startsWith("20") && w.chars().allMatch(Character::isDigit)
                    && !timeline.contains(w.substring(0, 4))) {
                return true;
            }
        }
        return false;
    }

    enum Headline { LEAD, COORDINATE, WHEN, RESULT }

    /**
     * The headline for this task: a timeline or result that only the classifier's reading of the phrasing
     * suggests ("… thì sở nào phải chia sẻ?" read as a result question) while no facet word asks it, and that
     * the task does not hold, gives way to the lead: a task with a lead answers "who" even without a result.
     */
    static Headline headline(Understanding u, Task task) {
        Headline h = headline(u);
        boolean asked = u.facet() == Facet.TIMELINE || u.facet() == Facet.RESULT;
        if (!asked && (h == Headline.WHEN && blank(task.timeline()) || h == Headline.RESULT && blank(task.result()))
                && !task.lead().isEmpty()) {
            return Headline.LEAD;
        }
        return h;
    }

    private static Headline headline(Understanding u) {
        switch (u.facet()) {
            case COORDINATORS -> {
                return Headline.COORDINATE;
            }
            case TIMELINE -> {
                return Headline.WHEN;
            }
            case RESULT -> {
                return Headline.RESULT;
            }
            case LEAD -> {
                return Headline.LEAD;
            }
            default -> {
            }
        }
        if (u.intent() == Intent.TASK_WHEN) {
            return Headline.WHEN;
        }
        if (u.intent() == Intent.TASK_RESULT) {
            return Headline.RESULT;
        }
        if (u.role() == Role.COORDINATE) {
            return Headline.COORDINATE;
        }
        return Headline.LEAD;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "không ghi rõ" : s.strip();
    }
}

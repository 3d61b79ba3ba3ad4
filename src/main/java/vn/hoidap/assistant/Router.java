package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends an understood question to the answerer of its kind, and decides between answer and honest
 * fallback with the thresholds of {@link AssistantConfig}: refusals first, then small talk, unknown
 * provinces and agencies, off-topic verdicts, the primary answerer, and — when it is unsure — the others.
 */
@Singleton
final class Router {

    private final AssistantConfig config;
    private final Fallbacks fallbacks;
    private final TaskAnswerer tasks;
    private final ExistenceAnswerer existence;
    private final AgencyTasksAnswerer agencyTasks;
    private final TargetAnswerer targets;
    private final DeadlineAnswerer deadlines;
    private final PlanFactsAnswerer planFacts;
    private final FaqAnswerer faqs;
    private final PassageAnswerer passages;
    private final PlanMentions mentions;
    private final Absence absence;
    private final Candidates candidates;
    private final SectionAnswerer sections;
    private final ReorgAnswerer reorg;

    Router(AssistantConfig config, Fallbacks fallbacks, TaskAnswerer tasks, ExistenceAnswerer existence,
           AgencyTasksAnswerer agencyTasks, TargetAnswerer targets, DeadlineAnswerer deadlines,
           PlanFactsAnswerer planFacts, FaqAnswerer faqs, PassageAnswerer passages, PlanMentions mentions,
           Absence absence, Candidates candidates, SectionAnswerer sections, ReorgAnswerer reorg) {
        this.absence = absence;
        this.candidates = candidates;
        this.mentions = mentions;
        this.sections = sections;
        this.reorg = reorg;
        this.config = config;
        this.fallbacks = fallbacks;
        this.tasks = tasks;
        this.existence = existence;
        this.agencyTasks = agencyTasks;
        this.targets = targets;
        this.deadlines = deadlines;
        this.planFacts = planFacts;
        this.faqs = faqs;
        this.passages = passages;
    }

    Reply route(Understanding u) {
        Intent intent = u.intent();
        if (u.refusal() != null) {
            return fallbacks.refusal(u.refusal());
        }
        Optional<Reply> sectionFirst = namedSection(u);
        if (sectionFirst.isPresent()) {
            return sectionFirst.get();
        }
        if (intent.isSmallTalk() && u.contentWords() <= config.smallTalkMaxWords()) {
            return fallbacks.smallTalk(u);
        }
        // A section named by its number, and what a body or province became in 2025, are answered by their
        // own kind whatever the classifier made of the phrasing: both are explicit in the question.
        Optional<Reply> bySection = sections.answer(u);
        if (bySection.isPresent()) {
            return bySection.get();
        }
        Optional<Reply> byReorg = reorg.answer(u);
        if (byReorg.isPresent()) {
            return byReorg.get();
        }
        if (u.specifics().unknownPlan() != null) {
            // "Kế hoạch 999 của Đồng Nai nói về gì?": a plan the corpus does not hold is not answered from
            // another one; the plans there are offered instead
            return unknownPlan(u);
        }
        if (u.unknownPlace() != null && u.province() == null && intent != Intent.OUT_OF_SCOPE) {
            return fallbacks.fallback("unknown-province", Map.of("place", u.unknownPlace()), u, 0.9);
        }
        boolean aboutAPlan = u.province() != null && !u.plans().isEmpty();
        if ((intent == Intent.OUT_OF_SCOPE || intent.isSmallTalk()) && aboutAPlan && !u.unitFollowUp()) {
            // The classifier only knows phrasing: a question that names a plan and asks one of a unit's facets
            // ("Ai phối hợp … ở Đồng Tháp?") is read by its facet, and answered when the answer covers it well.
            Optional<Reply> byFacet = byFacet(u);
            if (byFacet.isPresent()) {
                return byFacet.get();
            }
        }
        if (intent == Intent.OUT_OF_SCOPE && u.intentConfidence() >= config.outOfScopeSure() && !u.unitFollowUp()) {
            // The classifier only knows phrasing; a question the corpus answers almost word for word
            // ("mỗi năm có bao nhiêu sinh viên CNTT tốt nghiệp") is in scope after all.
            return strongestRetrieval(u).orElseGet(() -> fallbacks.fallback("out-of-scope", Map.of(), u, u.intentConfidence()));
        }
        if (u.agency() == null && u.unknownAgency() != null && u.organisation() == null
                && (intent.isPlanBound() || intent == Intent.OUT_OF_SCOPE)
                && !mentions.anyMentions(u.plans(), u.unknownAgency())) {
            String where = u.province() == null ? "các kế hoạch hiện có" : "kế hoạch của tỉnh " + u.province();
            return fallbacks.fallback("unknown-agency", Map.of("agency", u.unknownAgency(), "where", where), u, 0.8);
        }
        if ((intent == Intent.OUT_OF_SCOPE || intent.isSmallTalk()) && !u.unitFollowUp()) {
            // An unsure off-topic or small-talk verdict on a substantive question: only a near-verbatim FAQ or
            // passage may answer it, never a task that shares a word or two.
            return strongestRetrieval(u).orElseGet(() -> fallbacks.fallback("fallback", Map.of(), u, u.intentConfidence()));
        }
        return answer(u, aboutAPlan, config.fallbackThreshold());
    }

    /**
     * "Mục VI của KH 179 là phần gì?": a section number with a named plan is explicit, however few words the
     * rest has; short questions like it would otherwise read as small talk.
     */
    private Optional<Reply> namedSection(Understanding u) {
        boolean named = u.province() != null || u.specifics().documentNumber() != null;
        return named && SectionAnswerer.reference(u.text()) != null ? sections.answer(u) : Optional.empty();
    }

    /** The primary answerer, then — when it is unsure — the others; the best-covered answer above {@code floor}. */
    private Reply answer(Understanding u, boolean aboutAPlan, double floor) {
        Intent intent = u.intent();
        List<Reply> tried = new ArrayList<>();
        Optional<Reply> first = primary(u);
        first.ifPresent(tried::add);
        // A sure absence ("the plan sets no target for 2027") is the answer; an unsure one ("this plan sets
        // no yearly targets", asked with a subject) lets the others look for a unit that does answer it.
        if (first.isPresent() && (first.get().fallback() ? first.get().confidence() >= config.sure()
                : first.get().confidence() >= config.sure())) {
            return first.get().fallback() ? first.get() : holdingTheAskedSpecific(u, withSupportingPassage(u, first.get()));
        }
        boolean softAbsence = first.isPresent() && first.get().fallback();
        // Not sure yet: let the other answerers try, and keep the best-covered answer (the primary one wins
        // ties, being of the kind the question asked for). A general FAQ is no answer to a question about
        // one province's plan.
        if (intent != Intent.FAQ && !(intent.isPlanBound() && aboutAPlan)) {
            faqs.answer(u).ifPresent(tried::add);
        }
        if (!intent.isTaskDetail() && intent != Intent.AGENCY_TASKS && !u.plans().isEmpty()) {
            tasks.answer(u).ifPresent(tried::add);
        }
        if (u.agency() != null && intent != Intent.AGENCY_TASKS && !u.plans().isEmpty()) {
            // "kế hoạch nào giao Sở Xây dựng làm đầu mối?": what the named agency is given, as a candidate that
            // a unit covering the question better still outweighs
            agencyTasks.answer(u).filter(r -> !r.fallback())
                    .map(r -> new Reply(r.text(), r.sources(), r.suggestions(), false,
                            Math.min(r.confidence(), config.planBoundOverride()), r.session(), r.topic()))
                    .ifPresent(tried::add);
        }
        if (intent != Intent.TARGETS && !u.plans().isEmpty() && u.subjectWords() > 0) {
            // a figure asked in words the classifier reads as a task ("đến năm nào 100% … ?"): only a target
            // that covers the subject, never the plan's whole list
            targets.specific(u).ifPresent(tried::add);
        }
        if (intent != Intent.PLAN_FACTS) {
            // "… là quyết định số mấy?" in words the classifier reads as an FAQ: a document the plans cite
            String fact = planFacts.facet(u.folded());
            if (fact != null) {
                planFacts.cited(u, fact).ifPresent(tried::add);
                // "đề án nhân lực CNTT Bình Phước ban hành kèm quyết định số mấy?": a fact of the plan itself,
                // in words the classifier reads as a task
                planFacts.ofThePlan(u, fact).ifPresent(tried::add);
            }
        }
        if (intent != Intent.DEADLINES && !u.plans().isEmpty()) {
            // "… cập nhật lên phần mềm trước ngày nào mỗi tháng?" in words the classifier reads as another kind
            deadlines.specific(u).ifPresent(tried::add);
        }
        passages.answer(u).ifPresent(tried::add);
        // A general question (no province, not about a plan) is not answered by some province's task or
        // passage that shares a word or two: only by one that covers it well.
        boolean general = u.province() == null && !intent.isPlanBound();
        Optional<Reply> best = tried.stream().filter(r -> !r.fallback())
                .filter(r -> !general || r == tried.get(0) && intent == Intent.FAQ || r.confidence() >= config.sure()
                        || r.sources().stream().allMatch(s -> s.planId() == null))
                .reduce((a, b) -> b.confidence() > a.confidence() + 0.05 ? b : a);
        // After an unsure absence, another answer must be sure of its subject — unless the question asks a
        // specific (a figure, a count, a sum): then every answer left has passed that check already.
        if (best.isPresent() && best.get().confidence() >= (softAbsence && !u.specifics().any() ? config.sure() : floor)) {
            return holdingTheAskedSpecific(u, best.get());
        }
        Optional<Reply> absence = tried.stream().filter(Reply::fallback).findFirst();
        return absence.orElseGet(() -> fallbacks.fallback("fallback", Map.of(), u, best.map(Reply::confidence).orElse(0.0)));
    }

    /**
     * Whichever answerer gave it, an answer to a question that asks a sanction or a sum must state one:
     * otherwise it is nearby content, said as such (honest absence, the answer only as context).
     */
    private Reply holdingTheAskedSpecific(Understanding u, Reply reply) {
        AskedSpecifics s = u.specifics();
        if (reply.fallback() || !(s.sanction() || s.amount())) {
            return reply;
        }
        AskedSpecifics only = new AskedSpecifics(null, s.amount(), false, s.sanction(), null, false, false, null,
                false, false, null);
        StringBuilder said = new StringBuilder(reply.text());
        reply.sources().forEach(src -> said.append('\n').append(java.util.Objects.toString(src.snippet(), "")));
        Optional<String> missing = absence.missing(only, false, candidates.coverage().transientFeatures(said.toString()));
        if (missing.isEmpty()) {
            return reply;
        }
        List<vn.hoidap.corpus.Plan> plans = u.plans().isEmpty() ? List.of() : u.plans();
        return absence.reply(u, plans, missing.get(), Wording.shorten(reply.text(), 300), reply.sources(),
                reply.suggestions());
    }

    private Reply unknownPlan(Understanding u) {
        List<vn.hoidap.corpus.Plan> there = new ArrayList<>(u.plans());
        u.otherPlans().stream().filter(p -> !there.contains(p)).forEach(there::add);
        String where = u.province() == null ? "các kế hoạch hiện có" : "các kế hoạch của " + u.province();
        String plans = Wording.join(there.stream().map(Wording::plan).distinct().toList());
        Reply r = fallbacks.fallback("unknown-plan", Map.of("number", u.specifics().unknownPlan(), "where", where,
                "plans", plans), u, 0.9);
        List<String> suggestions = there.stream().limit(3)
                .map(p -> Wording.plan(p) + " có những nhiệm vụ gì?").toList();
        return new Reply(r.text(), r.sources(), suggestions, true, r.confidence(), u.state(), r.topic());
    }

    /** A question naming a plan, answered by the kind its facet asks for when that answer covers it well. */
    private Optional<Reply> byFacet(Understanding u) {
        Intent asked = Intent.forFacet(u.facet(), u.agency() != null);
        if (asked == null) {
            return Optional.empty();
        }
        Reply r = answer(u.withIntent(asked), true, config.planBoundOverride());
        return r.fallback() ? Optional.empty() : Optional.of(r);
    }

    /**
     * A task or target answer from a plan, with the body passage of the same plan that covers the question
     * best as one more source ("Xem thêm"): the body often says more than the task table (a quarter, a
     * figure, who guides people), and people can open it.
     */
    private Reply withSupportingPassage(Understanding u, Reply reply) {
        if (reply.sources().isEmpty() || reply.sources().get(0).planId() == null
                || !(u.intent().isTaskDetail() || u.intent() == Intent.TARGETS)) {
            return reply;
        }
        String planId = reply.sources().get(0).planId();
        List<vn.hoidap.corpus.Plan> plan = u.plans().stream().filter(p -> p.id().equals(planId)).toList();
        if (plan.isEmpty()) {
            return reply;
        }
        Optional<Reply> passage = passages.answer(u, plan);
        if (passage.isEmpty() || passage.get().fallback() || passage.get().confidence() < config.supportingPassage()
                || passage.get().sources().isEmpty()) {
            return reply;
        }
        Source s = passage.get().sources().get(0);
        if (reply.sources().stream().anyMatch(r -> java.util.Objects.equals(r.section(), s.section()))) {
            return reply;
        }
        List<Source> sources = new ArrayList<>(reply.sources());
        sources.add(new Source("Xem thêm: " + s.title(), s.planId(), s.section(), s.url(), s.snippet()));
        return new Reply(reply.text(), sources, reply.suggestions(), reply.fallback(), reply.confidence(),
                reply.session(), reply.topic());
    }

    /** A one-word subject ("huyện") is covered by half the corpus: it takes at least two words to override. */
    private Optional<Reply> strongestRetrieval(Understanding u) {
        List<Reply> tried = new ArrayList<>();
        if (words(u.placeContent()) >= 2) {
            faqs.answer(u).ifPresent(tried::add);
        }
        if (words(u.content()) >= 2) {
            passages.answer(u).ifPresent(tried::add);
        }
        return tried.stream().filter(r -> !r.fallback() && r.confidence() >= config.outOfScopeOverride())
                .max(Comparator.comparingDouble(Reply::confidence));
    }

    private Optional<Reply> primary(Understanding u) {
        if (u.facet() == Facet.DEFINITION && u.province() == null) {
            // "STEM gồm những lĩnh vực nào?": definitions are what the FAQ and glossary are for
            Optional<Reply> faq = faqs.answer(u);
            if (faq.isPresent() && faq.get().confidence() >= config.sure()) {
                return faq;
            }
        }
        // "Kế hoạch 597 có nói đến … không?": a yes/no question about a named plan asks what the plan holds,
        // whatever the classifier made of its phrasing
        if (u.facet() == Facet.EXISTENCE && (u.intent() != Intent.FAQ || u.province() != null)
                && u.intent() != Intent.TARGETS && !u.plans().isEmpty()) {
            if (u.agency() != null && onlyAgency(u)) {
                return agencyTasks.answer(u);
            }
            Optional<Reply> exists = existence.answer(u);
            if (u.province() == null && u.specifics().documentNumber() == null
                    && exists.map(Reply::fallback).orElse(true)) {
                // "làm định danh mức 2 có phải lấy vân tay không?": a yes/no question naming no plan, that no
                // plan answers, is a citizen's question: a sure FAQ answer beats "no plan has it"
                Optional<Reply> faq = faqs.answer(u);
                if (faq.isPresent() && !faq.get().fallback() && faq.get().confidence() >= config.sure()) {
                    return faq;
                }
            }
            return exists;
        }
        return switch (u.intent()) {
            case AGENCY_TASKS -> agencyTasks.answer(u).or(() -> tasks.answer(u));
            case TASK_WHO, TASK_WHEN, TASK_RESULT -> onlyAgency(u) && !u.unitFollowUp()
                    ? agencyTasks.answer(u).or(() -> tasks.answer(u)) : tasks.answer(u);
            case TARGETS -> targets.answer(u);
            case DEADLINES -> deadlines.answer(u);
            case PLAN_FACTS -> planFacts.answer(u);
            case FAQ -> faqs.answer(u);
            default -> Optional.empty();
        };
    }

    private static boolean onlyAgency(Understanding u) {
        return u.agency() != null
                && words(ContentWords.without(u.content(), List.of(Fold.fold(u.agency().name())))) <= 2;
    }

    private static int words(String s) {
        return s == null || s.isBlank() ? 0 : s.split(" ").length;
    }
}

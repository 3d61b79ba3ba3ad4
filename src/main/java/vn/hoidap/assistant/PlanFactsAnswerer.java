package vn.hoidap.assistant;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.YamlFiles;
import vn.hoidap.corpus.PlanMetadata;
import vn.hoidap.text.Fold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about a plan: number, date, signer, legal basis, the decision it implements, funding, purpose,
 * requirements, recipients, and which plans exist. The facet comes from cue phrases in
 * corpus/assistant/plan-facts.yaml.
 */
@jakarta.inject.Singleton
final class PlanFactsAnswerer implements Answerer {

    private static final Pattern DOC_NUMBER = Pattern.compile("\\d{1,4}\\s*[/-]\\s*[a-z0-9&]+(?:[/-][a-z0-9&]+)*");

    private final PlanFactCues cues;
    private final Knowledge knowledge;
    private final Absence absence;
    private final Candidates candidates;

    private final SelectionCues selection;

    PlanFactsAnswerer(PlanFactCues cues, Knowledge knowledge, Absence absence, Candidates candidates,
                      SelectionCues selection) {
        this.selection = selection;
        this.cues = cues;
        this.knowledge = knowledge;
        this.absence = absence;
        this.candidates = candidates;
    }

    /** The facet a question asks about, or null. */
    String facet(String folded) {
        String f = cues.facet(folded);
        return DEADLINE.equals(f) ? null : f;
    }

    /** The cue group of a reporting date ("trước ngày nào mỗi tháng?"): no fact of the plan, so never answered here. */
    private static final String DEADLINE = "deadline";

    @Override
    public Optional<Reply> answer(Understanding u) {
        if (DEADLINE.equals(cues.facet(u.folded()))) {
            return Optional.empty();
        }
        String facet = facet(u.folded());
        if ("list".equals(facet) || (u.plans().isEmpty() && facet == null)) {
            return Optional.of(listPlans(u));
        }
        if (facet == null && u.province() == null) {
            // "Quyết định 146 có mấy nhóm nhiệm vụ?" is not about one plan: let the FAQs and passages answer.
            return Optional.empty();
        }
        List<Plan> plans = u.province() == null ? u.plans().stream().filter(p -> !p.meta().isDraft()).toList() : u.plans();
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        if (!"list".equals(facet) && !SUBJECT_FACETS.contains(String.valueOf(facet)) && !aboutThePlan(u, facet, plans)) {
            // "Bình Phước có tổng đài … số mấy?": the number asked is not the plan's; a document the plans
            // cite, or the body text (passages), answers it
            return cited(u, facet);
        }
        if (u.province() != null) {
            // A province with several plans and no cue for one: each of its own plans, newest first.
            java.util.Set<String> own = u.ownPlanIds();
            List<Plan> ownPlans = plans.stream().filter(p -> own.contains(p.id())).limit(3).toList();
            if (!ownPlans.isEmpty() && !own.contains(plans.get(0).id())) {
                // selection put a former province's plan first on a cue ("Đồng Nai (gồm cả Bình Phước cũ) có đề
                // án … nào?"): it leads, today's province's own plans follow
                List<Plan> led = new ArrayList<>(List.of(plans.get(0)));
                led.addAll(ownPlans);
                ownPlans = led.stream().limit(3).toList();
            }
            plans = ownPlans.isEmpty() ? List.of(plans.get(0)) : withMerged(u, ownPlans);
        }
        List<String> lines = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> nearest = new ArrayList<>();
        // the decision a plan is issued with carries the plan's own number ("1812/QĐ-UBND")
        String asked = facet == null ? "summary" : "issuedWith".equals(facet) ? "number" : facet;
        List<Plan> answered = new ArrayList<>();
        for (Plan p : plans) {
            Optional<String> gap = missing(p, asked, u);
            if (gap.isPresent()) {
                missing.add(gap.get());
                String near = "funding".equals(asked) ? p.meta().facts().funding() : null;
                if (near != null) {
                    nearest.add(near);
                }
                continue;
            }
            answered.add(p);
            String fact = fact(p, asked, u.folded());
            if (fact != null) {
                lines.add(fact);
                sources.add(Wording.source(p, null, p.meta().title(), p.meta().title()));
            }
        }
        if (lines.isEmpty() && !missing.isEmpty()) {
            return Optional.of(absence.reply(u, plans, missing.get(0), String.join(" ", nearest), List.of(), List.of()));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        DialogueState next = DialogueState.after(u, answered.get(0).id(), u.province(), null, null);
        return Optional.of(Reply.answer(String.join("\n", lines), sources, u.province() == null ? 0.55 : 0.85, next,
                Reply.TOPIC_FROM_QUESTION));
    }

    /** Facts a plan has of its own, whatever the rest of the question: its number, date, signer, basis. */
    private static final java.util.Set<String> PLAN_LEVEL = java.util.Set.of("signer", "number", "date", "implements",
            "issuedWith");

    /**
     * The asked fact of the plan the question is about, when the question's subject is that plan (its
     * title's words, or nothing but its province and number); empty otherwise.
     */
    Optional<Reply> ofThePlan(Understanding u, String facet) {
        if (!PLAN_LEVEL.contains(facet) || u.province() == null || u.plans().isEmpty()
                || !aboutThePlan(u, facet, u.plans())) {
            return Optional.empty();
        }
        return answer(u).filter(r -> !r.fallback());
    }

    /** Facets whose questions name a subject of their own (a body, a source of money, a recipient). */
    private static final java.util.Set<String> SUBJECT_FACETS = java.util.Set.of("legalBasis", "funding",
            "recipients", "requirements", "groups");
    /** Words that name a plan in general ("kế hoạch", "văn bản"): no subject of their own. */
    private static final List<String> PLAN_WORDS = List.of("ke hoach", "de an", "van ban", "quyet dinh", "kh",
            "tinh", "thanh pho", "ubnd", "uy ban nhan dan", "chuyen doi so", "ban hanh", "ban", "nay", "do");

    /**
     * Whether the question's subject, once the fact's cue and the words that name any plan are gone, is the
     * plan itself (its title's words) — or nothing at all ("Kế hoạch 179 do ai ký?").
     */
    private boolean aboutThePlan(Understanding u, String facet, List<Plan> plans) {
        if ("issuedWith".equals(facet)) {
            // only a plan is issued with a decision: the question is about the plan, whatever it calls it
            return true;
        }
        String number = u.specifics().documentNumber();
        if (number != null && plans.stream().anyMatch(p -> p.meta().number() != null
                && p.meta().number().split("/")[0].strip().equals(number))) {
            return true;
        }
        java.util.Set<String> drop = new java.util.HashSet<>();
        PLAN_WORDS.forEach(w -> drop.addAll(List.of(w.split(" "))));
        if (facet != null) {
            cues.byFacet().getOrDefault(facet, List.of()).forEach(c -> drop.addAll(List.of(c.split(" "))));
        }
        List<String> kept = new ArrayList<>();
        for (String t : u.content().isBlank() ? new String[0] : u.content().split(" ")) {
            String f = vn.hoidap.text.Fold.fold(t);
            if (!drop.contains(f) && !f.chars().allMatch(Character::isDigit)) {
                kept.add(t);
            }
        }
        String rest = String.join(" ", kept);
        if (kept.size() <= 1) {
            return true;
        }
        for (Plan p : plans) {
            if (candidates.coverage(rest, p.meta().title()) >= ABOUT_THE_PLAN) {
                return true;
            }
        }
        return false;
    }

    private static final double ABOUT_THE_PLAN = 0.5;

    /**
     * A document the plans cite (the decision they implement, their legal bases) whose words cover the
     * question: "Đề án nâng cao nhận thức … là quyết định số mấy?" is answered by the citation itself.
     */
    Optional<Reply> cited(Understanding u, String facet) {
        if (facet == null || u.content().isBlank()) {
            return Optional.empty();
        }
        List<Plan> plans = u.plans().isEmpty() ? knowledge.plans() : u.plans();
        String bestText = null;
        Plan bestPlan = null;
        double best = 0;
        for (Plan p : plans) {
            if (p.meta().isDraft()) {
                continue;
            }
            List<String> docs = new ArrayList<>(p.meta().facts().legalBasis());
            if (p.meta().facts().implementsDecision() != null) {
                docs.add(0, p.meta().facts().implementsDecision());
            }
            for (String d : docs) {
                double c = candidates.coverage(u.content(), d);
                if (c > best + 1e-9) {
                    best = c;
                    bestText = d;
                    bestPlan = p;
                }
            }
        }
        if (bestText == null || best < CITED) {
            return Optional.empty();
        }
        String text = "Theo " + Wording.plan(bestPlan) + ", văn bản bạn hỏi là: " + Wording.sentence(bestText);
        DialogueState next = DialogueState.after(u, bestPlan.id(), bestPlan.meta().province(), null, null);
        return Optional.of(Reply.answer(text, List.of(Wording.source(bestPlan, null, "Căn cứ", bestText)), best, next,
                Reply.TOPIC_FROM_QUESTION));
    }

    private static final double CITED = 0.55;

    /** What the plan's document does not give of the asked fact (no signer, no figure for the funding …). */
    private Optional<String> missing(Plan p, String facet, Understanding u) {
        PlanMetadata m = p.meta();
        switch (facet) {
            case "signer" -> {
                return m.signer() == null ? Optional.of("tên người ký") : Optional.empty();
            }
            case "number" -> {
                return m.number() == null ? Optional.of("số hiệu văn bản") : Optional.empty();
            }
            case "date" -> {
                return m.issueDate() == null ? Optional.of("ngày ban hành") : Optional.empty();
            }
            case "funding" -> {
                String funding = m.facts().funding();
                if (funding == null) {
                    return Optional.of("nội dung về kinh phí");
                }
                return u.specifics().amount() && !candidates.coverage().features(funding).money()
                        ? Optional.of("số tiền cụ thể") : Optional.empty();
            }
            default -> {
                if (u.specifics().person()) {
                    return Optional.of("tên người bạn hỏi");
                }
                if (u.specifics().sanction()) {
                    return Optional.of("quy định xử phạt hay chế tài");
                }
                return u.specifics().amount() ? Optional.of("số tiền cụ thể") : Optional.empty();
            }
        }
    }

    private String fact(Plan p, String facet, String folded) {
        PlanMetadata m = p.meta();
        PlanMetadata.PlanFacts f = m.facts();
        String name = Wording.plan(p);
        return switch (facet) {
            case "signer" -> m.signer() == null ? name + " không ghi người ký trong văn bản nhận được."
                    : name + " do ông/bà " + m.signer() + (m.signerTitle() == null ? "" : " (" + m.signerTitle() + ")") + " ký.";
            case "number" -> m.number() == null ? "Văn bản nhận được (" + name + ") không ghi rõ số hiệu."
                    : name + " có số hiệu " + m.number() + ".";
            case "date" -> m.issueDate() == null ? name + " chưa có ngày ban hành (bản dự thảo hoặc văn bản không ghi ngày)."
                    : name + " ban hành ngày " + Wording.displayDate(m.issueDate()) + ".";
            case "implements" -> f.implementsDecision() == null ? null
                    : name + " triển khai " + f.implementsDecision() + ".";
            case "legalBasis" -> legalBasis(p, folded);
            case "funding" -> f.funding() == null ? null : "Kinh phí thực hiện " + name + ": " + f.funding();
            case "purpose" -> f.purpose().isEmpty() ? null : "Mục đích của " + name + ":\n- " + String.join("\n- ", f.purpose());
            case "requirements" -> f.requirements().isEmpty() ? null : "Yêu cầu của " + name + ":\n- " + String.join("\n- ", f.requirements());
            case "groups" -> groups(p);
            case "recipients" -> f.recipients().isEmpty() ? null : name + " được gửi tới: " + String.join("; ", f.recipients()) + ".";
            default -> summary(p);
        };
    }

    private String legalBasis(Plan p, String folded) {
        PlanMetadata.PlanFacts f = p.meta().facts();
        List<String> all = new ArrayList<>(f.legalBasis());
        if (f.implementsDecision() != null) {
            all.add(0, f.implementsDecision());
        }
        if (all.isEmpty()) {
            return null;
        }
        Matcher m = DOC_NUMBER.matcher(folded);
        while (m.find()) {
            String number = m.group().replace(" ", "");
            for (String basis : all) {
                if (Fold.fold(basis).replace(" ", "").contains(number)) {
                    return "Theo " + Wording.plan(p) + ", văn bản này là: " + Wording.sentence(basis);
                }
            }
        }
        return "Căn cứ của " + Wording.plan(p) + ":\n- " + String.join("\n- ", all);
    }

    /** The plan's task groups in document order, with how many tasks each has. */
    private static String groups(Plan p) {
        java.util.Map<String, Integer> counts = new LinkedHashMap<>();
        for (vn.hoidap.corpus.Task t : p.tasks()) {
            if (t.group() != null) {
                counts.merge(t.group(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Wording.plan(p) + " có " + p.tasks().size() + " nhiệm vụ, chia thành "
                + counts.size() + " nhóm:");
        counts.forEach((g, n) -> sb.append("\n- ").append(g).append(" (").append(n).append(" nhiệm vụ)"));
        return sb.toString();
    }

    static String summary(Plan p) {
        PlanMetadata m = p.meta();
        // the name carries the number, the date and the issuer
        StringBuilder sb = new StringBuilder(Wording.plan(p));
        if (m.signer() != null) {
            sb.append(" (người ký: ").append(m.signer()).append(")");
        }
        sb.append(": ").append(m.title()).append(".");
        if (m.facts().implementsDecision() != null) {
            sb.append(" Văn bản triển khai ").append(m.facts().implementsDecision()).append(".");
        }
        if (m.isDraft()) {
            sb.append(" Đây là bản dự thảo; bản đã ban hành mới có giá trị.");
        }
        return sb.toString();
    }

    /**
     * "Tỉnh Đồng Nai mới sau sáp nhập có những đề án nào …?": today's province is asked, so the plans of the
     * provinces merged into it (former Bình Phước's) follow its own, each named.
     */
    private List<Plan> withMerged(Understanding u, List<Plan> ownPlans) {
        if (!selection.asksTodaysProvince(Phrases.padded(u.text()), u.province())) {
            return ownPlans;
        }
        List<Plan> all = new ArrayList<>(ownPlans);
        java.util.stream.Stream.concat(u.plans().stream(), u.otherPlans().stream())
                .filter(p -> !all.contains(p) && !p.meta().isDraft()).forEach(all::add);
        return all.stream().limit(MAX_TODAY).toList();
    }

    /** Today's province's plans named in one answer: its own (three at most) and the merged ones'. */
    private static final int MAX_TODAY = 5;

    private Reply listPlans(Understanding u) {
        List<String> lines = new ArrayList<>();
        lines.add("Hiện tôi có " + knowledge.plans().size() + " văn bản kế hoạch về chuyển đổi số:");
        List<Source> sources = new ArrayList<>();
        for (Plan p : knowledge.plans()) {
            lines.add("- " + summary(p));
            sources.add(Wording.source(p, null, p.meta().title(), null));
        }
        return Reply.answer(String.join("\n", lines), sources, 0.8, u.state(), Reply.TOPIC_FROM_QUESTION);
    }
}

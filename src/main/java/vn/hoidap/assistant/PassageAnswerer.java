package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.UnitType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The last resort before "I don't know": the passage of a plan that covers the question best, quoted in
 * its one to three most relevant sentences (from the restored text).
 */
@jakarta.inject.Singleton
final class PassageAnswerer implements Answerer {

    private final Candidates candidates;
    private final SentenceSplitter sentences;

    private final vn.hoidap.corpus.Knowledge knowledge;
    /** A passage's sentences, split once (the detector is a model run over the whole passage). */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> sentencesOf =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).executor(Runnable::run).build();

    private final Absence absence;

    PassageAnswerer(Candidates candidates, SentenceSplitter sentences, vn.hoidap.corpus.Knowledge knowledge,
                    Absence absence) {
        this.candidates = candidates;
        this.absence = absence;
        this.knowledge = knowledge;
        this.sentences = sentences;
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        return answer(u, u.plans().isEmpty() ? issued() : u.plans());
    }

    /** The issued plans of the generation of the knowledge now read. */
    private List<Plan> issued() {
        return knowledge.derived("assistant.issued-plans",
                k -> k.plans().stream().filter(p -> !p.meta().isDraft()).toList());
    }

    Optional<Reply> answer(Understanding u, List<Plan> plans) {
        return answer(u, plans, u.content());
    }

    /** As above, matched on {@code content} (an existence question's subject, without "có nói đến … không"). */
    Optional<Reply> answer(Understanding u, List<Plan> plans, String content) {
        List<Candidates.Scored> found = candidates.find(content, plans, UnitType.PASSAGE, 3, u.ownPlanIds());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Candidates.Scored best = found.get(0);
        SearchHit hit = best.hit();
        Optional<Plan> plan = candidates.plan(hit.planId());
        if (plan.isEmpty() || hit.text() == null) {
            return Optional.empty();
        }
        Coverage coverage = candidates.coverage();
        Coverage.Query query = coverage.query(content);
        List<String> picked = pick(coverage, query, hit.text()).stream().map(t -> Wording.shorten(t, 500)).toList();
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        Coverage.Features[] pickedFeatures = picked.stream().map(coverage::features).toArray(Coverage.Features[]::new);
        double confidence = coverage.of(query, pickedFeatures);
        String where = hit.section() == null ? "" : " (" + Wording.section(hit.section()) + ")";
        // a year before the plan is the situation it describes (OCR may garble it): only a year the plan
        // looks ahead to must be in the passage
        boolean futureYear = u.askedYear() != null && u.askedYear() >= yearOf(plan.get().meta().issueDate())
                && !impliedYear(u.askedYear(), hit.title(), plan.get().meta().title());
        Optional<String> gap = absence.missing(u.specifics(), futureYear, pickedFeatures);
        if (gap.isPresent()) {
            // the passage is near the subject but lacks the year, sum or sanction asked: context, not the answer
            String near = "«" + String.join(" ", picked) + "» (" + Wording.section(hit.section()) + ")";
            return Optional.of(absence.reply(u, List.of(plan.get()), gap.get(), near,
                    List.of(Wording.source(plan.get(), hit.section(), hit.title(), String.join(" ", picked))), List.of()));
        }
        String text = "Theo " + Wording.plan(plan.get()) + where + ": «"
                + String.join(" ", picked) + "»";
        DialogueState next = DialogueState.after(u, plan.get().id(), plan.get().meta().province(),
                DialogueState.SECTION, hit.id());
        return Optional.of(Reply.answer(text, List.of(Wording.source(plan.get(), hit.section(), hit.title(),
                String.join(" ", picked))), confidence, next, null));
    }

    private static final java.util.regex.Pattern PERIOD_END =
            java.util.regex.Pattern.compile("\\b20\\d\\d\\s*[-–—]\\s*(20\\d\\d)\\b");
    private static final java.util.regex.Pattern UNTIL_YEAR =
            java.util.regex.Pattern.compile("\\bden nam (20\\d\\d)\\b");

    /**
     * Whether figures in a passage are for {@code year} though its sentences do not write it: the headings
     * above it say so ("Mục tiêu cụ thể đến năm 2030 › …"), or the plan has one horizon and it is that year
     * (the end of the period of its title, "giai đoạn 2026 - 2030", or its only "đến năm …"). A plan whose
     * title names two horizons ("đến năm 2025, định hướng đến năm 2030") implies neither.
     */
    static boolean impliedYear(int year, String headings, String planTitle) {
        String y = String.valueOf(year);
        if (headings != null && java.util.regex.Pattern.compile("\\b" + y + "\\b").matcher(headings).find()) {
            return true;
        }
        return horizon(planTitle) == year;
    }

    /** The one year a plan's title looks ahead to, or 0. */
    static int horizon(String planTitle) {
        String t = vn.hoidap.text.Fold.fold(planTitle == null ? "" : planTitle);
        java.util.regex.Matcher period = PERIOD_END.matcher(t);
        java.util.Set<Integer> ends = new java.util.HashSet<>();
        while (period.find()) {
            ends.add(Integer.parseInt(period.group(1)));
        }
        java.util.regex.Matcher until = UNTIL_YEAR.matcher(t);
        while (until.find()) {
            ends.add(Integer.parseInt(until.group(1)));
        }
        return ends.size() == 1 ? ends.iterator().next() : 0;
    }

    private static int yearOf(String iso) {
        return iso != null && iso.length() >= 4 && iso.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(iso.substring(0, 4)) : 0;
    }

    /** The best sentence and up to two neighbours that also cover part of the question, in text order. */
    private List<String> pick(Coverage coverage, Coverage.Query query, String passage) {
        List<String> all = sentencesOf.get(passage, sentences::split);
        if (all.isEmpty()) {
            return List.of();
        }
        double[] cov = new double[all.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
            cov[i] = coverage.of(query, coverage.features(all.get(i)));
        }
        order.sort(Comparator.comparingDouble(i -> -cov[i]));
        int best = order.get(0);
        List<Integer> chosen = new ArrayList<>(List.of(best));
        for (int i : order.subList(1, order.size())) {
            if (chosen.size() == 3) {
                break;
            }
            if (Math.abs(i - best) <= 2 && cov[i] >= cov[best] * 0.5 && cov[i] > 0) {
                chosen.add(i);
            }
        }
        chosen.sort(Integer::compare);
        List<String> out = new ArrayList<>();
        for (int i : chosen) {
            out.add(all.get(i));
        }
        return out;
    }
}

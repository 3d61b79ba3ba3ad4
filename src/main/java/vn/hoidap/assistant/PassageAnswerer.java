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
final class PassageAnswerer {

    private final Candidates candidates;
    private final SentenceSplitter sentences;

    PassageAnswerer(Candidates candidates, SentenceSplitter sentences) {
        this.candidates = candidates;
        this.sentences = sentences;
    }

    Optional<Reply> answer(Understanding u, List<Plan> plans) {
        List<Candidates.Scored> found = candidates.find(u.content(), plans, UnitType.PASSAGE, 3);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Candidates.Scored best = found.get(0);
        SearchHit hit = best.hit();
        Optional<Plan> plan = candidates.plan(hit.planId());
        if (plan.isEmpty() || hit.text() == null) {
            return Optional.empty();
        }
        List<String> picked = pick(u.content(), hit.text());
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        double confidence = candidates.coverage(u.content(), String.join(" ", picked));
        String where = hit.section() == null ? "" : " (" + Wording.section(hit.section()) + ")";
        String text = "Theo " + Wording.plan(plan.get()) + where + ": «"
                + String.join(" ", picked) + "»";
        Session next = new Session(u.intent().label(), u.content(), plan.get().meta().province(), null,
                plan.get().id(), null, u.year());
        return Optional.of(Reply.answer(text, List.of(Wording.source(plan.get(), hit.section(), hit.title(),
                String.join(" ", picked))), confidence, next, null));
    }

    /** The best sentence and up to two neighbours that also cover part of the question, in text order. */
    private List<String> pick(String content, String passage) {
        List<String> all = sentences.split(passage);
        if (all.isEmpty()) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -candidates.coverage(content, all.get(i))));
        int best = order.get(0);
        List<Integer> chosen = new ArrayList<>(List.of(best));
        double bestCov = candidates.coverage(content, all.get(best));
        for (int i : order.subList(1, order.size())) {
            if (chosen.size() == 3) {
                break;
            }
            if (Math.abs(i - best) <= 2 && candidates.coverage(content, all.get(i)) >= bestCov * 0.5
                    && candidates.coverage(content, all.get(i)) > 0) {
                chosen.add(i);
            }
        }
        chosen.sort(Integer::compare);
        List<String> out = new ArrayList<>();
        for (int i : chosen) {
            out.add(Wording.shorten(all.get(i), 500));
        }
        return out;
    }
}

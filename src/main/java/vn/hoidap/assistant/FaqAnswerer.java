package vn.hoidap.assistant;

import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.search.UnitType;

import java.util.List;
import java.util.Optional;

/** Citizen and staff FAQs: the entry whose question (or an alternate phrasing) the message matches best. */
final class FaqAnswerer {

    private final Candidates candidates;
    private final Knowledge knowledge;

    FaqAnswerer(Candidates candidates, Knowledge knowledge) {
        this.candidates = candidates;
        this.knowledge = knowledge;
    }

    Optional<Reply> answer(Understanding u) {
        // Province names stay in: "Bình Phước bây giờ thuộc tỉnh nào?" is about Bình Phước.
        String content = u.followUp() ? u.content() : u.placeContent();
        List<Candidates.Scored> found = candidates.find(content, List.of(), UnitType.FAQ, 5);
        FaqEntry best = null;
        double bestScore = -1;
        double bestConfidence = 0;
        float top = found.isEmpty() ? 1 : Math.max(found.get(0).hit().score(), 1e-6f);
        for (Candidates.Scored s : found) {
            Optional<FaqEntry> entry = candidates.faq(s.hit().id());
            if (entry.isEmpty()) {
                continue;
            }
            // Which entry: the phrasing that matches the question both ways, the searcher breaking ties.
            double score = phrasingMatch(content, entry.get()) + 0.2 * s.hit().score() / top;
            if (score > bestScore) {
                bestScore = score;
                best = entry.get();
                bestConfidence = Math.max(s.coverage(), questionCoverage(content, entry.get()));
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        FaqEntry f = best;
        Source source = new Source("Hỏi đáp: " + f.question(), f.basisPlanId(), f.basisSection(), f.url(),
                Wording.shorten("Cơ sở: " + f.basis(), 300));
        Session next = new Session(u.intent().label(), u.content(), u.province(), null, null, null, u.year());
        return Optional.of(Reply.answer(f.answer().strip(), List.of(source), bestConfidence, next, f.topic()));
    }

    private double phrasingMatch(String content, FaqEntry f) {
        double best = candidates.match(content, f.question());
        for (String alt : f.alternates()) {
            best = Math.max(best, candidates.match(content, alt));
        }
        return best;
    }

    /** Coverage against the question phrasings alone (the answer's words would flatter any match). */
    private double questionCoverage(String content, FaqEntry f) {
        double best = candidates.coverage(content, f.question());
        for (String alt : f.alternates()) {
            best = Math.max(best, candidates.coverage(content, alt));
        }
        return best;
    }
}

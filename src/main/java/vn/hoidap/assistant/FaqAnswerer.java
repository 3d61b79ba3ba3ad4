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
        List<Candidates.Scored> found = candidates.find(u.content(), List.of(), UnitType.FAQ, 3);
        for (Candidates.Scored s : found) {
            Optional<FaqEntry> entry = knowledge.faqs().stream().filter(f -> f.id().equals(s.hit().id())).findFirst();
            if (entry.isPresent()) {
                FaqEntry f = entry.get();
                double confidence = Math.max(s.coverage(), questionCoverage(u.content(), f));
                Source source = new Source("Hỏi đáp: " + f.question(), f.basisPlanId(), f.basisSection(), f.url(),
                        Wording.shorten("Cơ sở: " + f.basis(), 300));
                Session next = new Session(u.intent().label(), u.content(), u.province(), null, null, null, u.year());
                return Optional.of(Reply.answer(f.answer().strip(), List.of(source), confidence, next, f.topic()));
            }
        }
        return Optional.empty();
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

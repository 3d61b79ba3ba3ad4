package vn.hoidap.assistant;

import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.search.UnitType;

import java.util.List;
import java.util.Optional;

/** Citizen and staff FAQs: the entry whose question (or an alternate phrasing) the message matches best. */
@jakarta.inject.Singleton
final class FaqAnswerer implements Answerer {

    private final Candidates candidates;
    private final Absence absence;
    private final AssistantConfig config;

    FaqAnswerer(Candidates candidates, Knowledge knowledge, Absence absence, AssistantConfig config) {
        this.config = config;
        this.candidates = candidates;
        this.absence = absence;
    }

    /** The entry chosen for some wording of the question, with how well its phrasings cover that wording. */
    private record Choice(FaqEntry entry, double confidence) {
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        // Province names stay in: "Bình Phước bây giờ thuộc tỉnh nào?" is about Bình Phước.
        String content = u.followUp() ? u.content() : u.placeContent();
        Choice choice = choose(u, content);
        if (u.facet() == Facet.DEFINITION && !u.followUp() && u.subjectWords() > 0 && u.province() == null
                && !u.subject().equals(content)) {
            // "STEM gồm những lĩnh vực nào?": the words that ask for a definition are not the term defined.
            // The whole question still chooses the entry; the term alone measures how sure that choice is.
            Choice term = choose(u, u.subject());
            if (term != null && choice != null && term.entry().id().equals(choice.entry().id())
                    && term.confidence() > choice.confidence()) {
                choice = term;
            }
        }
        if (choice == null) {
            return Optional.empty();
        }
        FaqEntry best = choice.entry();
        double bestConfidence = choice.confidence();
        Coverage coverage = candidates.coverage();
        FaqEntry f = best;
        Source source = new Source("Hỏi đáp: " + f.question(), f.basisPlanId(), f.basisSection(), f.url(),
                Wording.shorten("Cơ sở: " + f.basis(), 300));
        DialogueState next = DialogueState.after(u, null, u.province(), DialogueState.FAQ, f.id());
        Optional<String> gap = absence.missing(u.specifics(), false, coverage.features(f.answer()));
        if (gap.isPresent()) {
            // the entry is about the subject but does not give the sum or sanction asked: say so, entry as context
            Reply r = new Reply("Tôi không có " + gap.get() + " cho câu hỏi này. Nội dung liên quan (hỏi đáp «"
                    + f.question() + "»): " + Wording.shorten(f.answer(), 400), List.of(source), List.of(), true,
                    bestConfidence, next, f.topic());
            return Optional.of(r);
        }
        return Optional.of(Reply.answer(f.answer().strip(), List.of(source), bestConfidence, next, f.topic()));
    }

    private Choice choose(Understanding u, String content) {
        List<Candidates.Scored> found = candidates.find(content, List.of(), UnitType.FAQ, 5);
        FaqEntry best = null;
        double bestScore = -1;
        double bestConfidence = 0;
        float top = found.isEmpty() ? 1 : Math.max(found.get(0).hit().score(), 1e-6f);
        Coverage coverage = candidates.coverage();
        Coverage.Query query = coverage.query(content);
        Coverage.Features asCandidate = coverage.transientFeatures(content);
        for (Candidates.Scored s : found) {
            // Through the searcher: entries edited in the console are there, committed ones too.
            FaqEntry entry = candidates.faq(s.hit().id()).orElse(null);
            if (entry == null) {
                continue;
            }
            // Which entry: the phrasing that matches the question both ways, the searcher breaking ties.
            // The answer's words count too, less than a phrasing: people ask in the words of the fact they
            // need ("lệ phí … online" → the entry on paying fees), and an entry that cannot hold the asked
            // specific (a hotline's number, a figure) yields to one that does.
            double score = phrasingMatch(coverage, query, asCandidate, entry) + 0.2 * s.hit().score() / top
                    + config.faqAnswerWeight() * coverage.of(query, coverage.features(entry.answer()))
                    - (absence.missing(u.specifics(), false, coverage.features(entry.answer())).isPresent()
                    ? config.faqMissingSpecific() : 0);
            if (score > bestScore) {
                bestScore = score;
                best = entry;
                bestConfidence = Math.max(s.coverage(), questionCoverage(coverage, query, entry));
            }
        }
        return best == null ? null : new Choice(best, bestConfidence);
    }

    private static double phrasingMatch(Coverage c, Coverage.Query q, Coverage.Features asCandidate, FaqEntry f) {
        double best = c.match(q, asCandidate, f.question());
        for (String alt : f.alternates()) {
            best = Math.max(best, c.match(q, asCandidate, alt));
        }
        return best;
    }

    /** Coverage against the question phrasings alone (the answer's words would flatter any match). */
    private static double questionCoverage(Coverage c, Coverage.Query q, FaqEntry f) {
        double best = c.of(q, c.features(f.question()));
        for (String alt : f.alternates()) {
            best = Math.max(best, c.of(q, c.features(alt)));
        }
        return best;
    }
}

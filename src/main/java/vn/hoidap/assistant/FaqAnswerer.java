package vn.hoidap.assistant;

import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.search.UnitType;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Citizen and staff FAQs: the entry whose question (or an alternate phrasing) the message matches best, that
 * also holds what the question is distinctively about ({@link FaqDistinctions}). When no entry found holds that
 * concept, the honest answer is that the FAQ does not cover it, with where to ask.
 */
@jakarta.inject.Singleton
final class FaqAnswerer implements Answerer {

    /**
     * How much the share of the question's distinctive words an entry holds adds to its score: as much
     * as its answer's coverage of the question and its search rank together, so that "Nộp lệ phí dịch vụ công
     * trực tuyến bằng cách nào?" goes to the entry on paying fees, not to the one defining online public services.
     */
    static final double DISTINCTION_WEIGHT = 0.5;

    /** A candidate entry that lacks the question's rarest concept while another candidate holds it loses this. */
    static final double RAREST_MISSING = 0.25;

    private final Candidates candidates;
    private final Absence absence;
    private final AssistantConfig config;
    private final Knowledge knowledge;
    private final ContentWords questionWords;
    private final Replies replies;

    FaqAnswerer(Candidates candidates, Knowledge knowledge, Absence absence, AssistantConfig config,
                ContentWords questionWords, Replies replies) {
        this.config = config;
        this.candidates = candidates;
        this.absence = absence;
        this.knowledge = knowledge;
        this.questionWords = questionWords;
        this.replies = replies;
    }

    /** The entry chosen for some wording of the question, with how well its phrasings cover that wording. */
    record Choice(FaqEntry entry, double confidence, boolean holdsConcept, FaqDistinctions.Unit concept) {
    }

    /** One candidate entry with the parts of its score (the probe and the tests read them). */
    record Ranked(FaqEntry entry, double score, double phrasing, double distinction, boolean holdsRarest,
                  double confidence) {
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
                choice = new Choice(term.entry(), term.confidence(), choice.holdsConcept(), choice.concept());
            }
        }
        if (choice == null) {
            return Optional.empty();
        }
        FaqEntry f = choice.entry();
        Source source = new Source("Hỏi đáp: " + f.question(), f.basisPlanId(), f.basisSection(), f.url(),
                Wording.shorten("Cơ sở: " + f.basis(), 300));
        DialogueState next = DialogueState.after(u, null, u.province(), DialogueState.FAQ, f.id());
        if (!choice.holdsConcept()) {
            return Optional.of(notCovered(u, choice, source, next));
        }
        Coverage coverage = candidates.coverage();
        Optional<String> gap = absence.missing(u.specifics(), false, coverage.features(f.answer()));
        if (gap.isPresent()) {
            // the entry is about the subject but does not give the sum or sanction asked: say so, entry as context
            Reply r = new Reply("Tôi không có " + gap.get() + " cho câu hỏi này. Nội dung liên quan (hỏi đáp «"
                    + f.question() + "»): " + Wording.shorten(f.answer(), 400), List.of(source), List.of(), true,
                    choice.confidence(), next, f.topic());
            return Optional.of(r);
        }
        return Optional.of(Reply.answer(f.answer().strip(), List.of(source), choice.confidence(), next, f.topic()));
    }

    /**
     * The honest answer when the entry that matches best lacks what the question is distinctively about ("khóa
     * học", "lệ phí", "xã khác") and no other candidate holds it: the FAQ does not cover it; where to ask; the
     * nearest entry offered as a suggestion, never as the answer. Unsure (below the router's "sure"), so a plan's
     * unit that does cover the question still wins.
     */
    private Reply notCovered(Understanding u, Choice choice, Source nearest, DialogueState next) {
        String text = replies.texts().getOrDefault("faq-not-covered",
                "Tôi chưa có thông tin đã kiểm chứng để trả lời câu hỏi này.");
        double confidence = Math.min(choice.confidence(), config.sure() - 0.01);
        return new Reply(text, List.of(nearest), List.of(choice.entry().question()), true, confidence, next,
                choice.entry().topic());
    }

    private Choice choose(Understanding u, String content) {
        List<Ranked> ranked = ranked(u, content);
        if (ranked.isEmpty()) {
            return null;
        }
        Ranked best = ranked.get(0);
        FaqDistinctions.Distinctive d = distinctions().distinctive(content);
        return new Choice(best.entry(), best.confidence(), holdsConcept(d, ranked), d.rarest());
    }

    /**
     * Whether the best entry may answer: it holds the question's rarest concept, or some other distinctive word
     * of the question, or the question has fewer than three (an informal word or two such as "app", "bây giờ"
     * or "DVC" for what the entry says in other words is no sign of a question the FAQ does not cover). "Xin giấy phép lái xe
     * quốc tế trên cổng dịch vụ công": the entries found share only "cổng dịch vụ công", none of "giấy phép",
     * "lái xe", "quốc tế" — that is not a question any entry answers.
     */
    static boolean holdsConcept(FaqDistinctions.Distinctive d, List<Ranked> ranked) {
        if (d.words() < MIN_UNCOVERED_CONCEPTS || ranked.get(0).holdsRarest()) {
            return true;
        }
        return ranked.get(0).distinction() > 0 || ranked.stream().anyMatch(Ranked::holdsRarest);
    }

    /** How many distinctive words a question needs, none of them in the best entry, to be one the FAQ lacks. */
    static final int MIN_UNCOVERED_CONCEPTS = 3;

    /** The candidate entries, best first, with the parts of their scores. */
    List<Ranked> ranked(Understanding u, String content) {
        List<Candidates.Scored> found = candidates.find(content, List.of(), UnitType.FAQ, 5);
        List<Ranked> out = new ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        float top = Math.max(found.get(0).hit().score(), 1e-6f);
        Coverage coverage = candidates.coverage();
        Coverage.Query query = coverage.query(content);
        Coverage.Features asCandidate = coverage.transientFeatures(content);
        boolean folded = !Fold.hasDiacritics(content);
        FaqDistinctions distinctions = distinctions();
        FaqDistinctions.Distinctive d = distinctions.distinctive(content);
        List<FaqEntry> entries = new ArrayList<>();
        for (Candidates.Scored s : found) {
            // Through the searcher: entries edited in the console are there, committed ones too.
            candidates.faq(s.hit().id()).ifPresent(entries::add);
        }
        boolean anyHoldsRarest = entries.stream().anyMatch(e -> distinctions.holdsRarest(d, e));
        for (int i = 0; i < found.size(); i++) {
            Candidates.Scored s = found.get(i);
            FaqEntry entry = candidates.faq(s.hit().id()).orElse(null);
            if (entry == null) {
                continue;
            }
            // Which entry: the phrasing that matches the question both ways, the searcher breaking ties.
            // The answer's words count too, less than a phrasing: people ask in the words of the fact they
            // need ("lệ phí … online" → the entry on paying fees), and an entry that cannot hold the asked
            // specific (a hotline's number, a figure) yields to one that does. What tells the entries apart
            // counts most of all: an entry without the question's rarest concept yields to one that has it.
            double phrasing = phrasingMatch(coverage, query, asCandidate, entry, folded);
            double distinction = distinctions.covered(d, entry);
            boolean holdsRarest = distinctions.holdsRarest(d, entry);
            double score = phrasing + 0.2 * s.hit().score() / top
                    + config.faqAnswerWeight() * coverage.of(query, coverage.features(entry.answer()))
                    - (absence.missing(u.specifics(), false, coverage.features(entry.answer())).isPresent()
                    ? config.faqMissingSpecific() : 0)
                    + DISTINCTION_WEIGHT * distinction
                    - (anyHoldsRarest && !holdsRarest ? RAREST_MISSING : 0);
            double confidence = Math.max(s.coverage(), questionCoverage(coverage, query, entry, folded));
            out.add(new Ranked(entry, score, phrasing, distinction, holdsRarest, confidence));
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed());
        return out;
    }

    private FaqDistinctions distinctions() {
        return knowledge.derived("assistant.faq-distinctions", k -> FaqDistinctions.of(k.faqs(), questionWords));
    }

    /**
     * A question typed without diacritics is compared with the phrasings folded: otherwise, read the other way
     * (how much of the phrasing the question covers), every accented word of a phrasing misses the bare word
     * the person typed, and only the entries that happen to have a bare alternate can match well.
     */
    private static String phrasing(String text, boolean folded) {
        return folded ? Fold.fold(text) : text;
    }

    private static double phrasingMatch(Coverage c, Coverage.Query q, Coverage.Features asCandidate, FaqEntry f,
                                        boolean folded) {
        double best = c.match(q, asCandidate, phrasing(f.question(), folded));
        for (String alt : f.alternates()) {
            best = Math.max(best, c.match(q, asCandidate, phrasing(alt, folded)));
        }
        return best;
    }

    /** Coverage against the question phrasings alone (the answer's words would flatter any match). */
    private static double questionCoverage(Coverage c, Coverage.Query q, FaqEntry f, boolean folded) {
        double best = c.of(q, c.features(phrasing(f.question(), folded)));
        for (String alt : f.alternates()) {
            best = Math.max(best, c.of(q, c.features(phrasing(alt, folded))));
        }
        return best;
    }
}

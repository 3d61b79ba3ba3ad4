package vn.hoidap.assistant;

import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.PreparedQuery;
import vn.hoidap.search.Searcher;
import vn.hoidap.search.UnitType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Retrieval for the answerers: asks the searcher for units of one type within the plans in scope, and
 * re-ranks the top hits by how much of the question's subject they cover (the confidence people get).
 */
final class Candidates {

    /**
     * A hit with the coverage of the question's subject (in [0, 1], the confidence people get) and its rank
     * score, which also favours the plans of the province asked about over those merged into it.
     */
    record Scored(SearchHit hit, double coverage, int rank, double score) {
    }

    /** How much a hit from the asked province's own plans is favoured over one from a merged province's. */
    static final double OWN_PROVINCE_BONUS = 0.1;

    private final Searcher searcher;
    private final Knowledge knowledge;
    private final ContentWords questionWords;
    private final java.util.Set<String> moneyUnits;

    Candidates(Searcher searcher, Knowledge knowledge, ContentWords questionWords, java.util.Set<String> moneyUnits) {
        this.searcher = searcher;
        this.knowledge = knowledge;
        this.questionWords = questionWords;
        this.moneyUnits = moneyUnits;
    }

    /** Built once per generation of the knowledge (a published plan brings its own vocabulary). */
    private Coverage coverageNow() {
        return knowledge.derived("assistant.coverage", k -> Coverage.of(k, questionWords, moneyUnits, searcher.concepts()));
    }

    double coverage(String content, String candidate) {
        return coverageNow().of(content, candidate);
    }

    Coverage coverage() {
        return coverageNow();
    }

    double match(String content, String phrasing) {
        return coverageNow().match(content, phrasing);
    }

    List<Scored> find(String content, List<Plan> plans, UnitType type, int limit) {
        return find(content, plans, type, limit, Set.of());
    }

    /** As above; hits from {@code preferred} plans (the asked province's own) rank a little higher. */
    List<Scored> find(String content, List<Plan> plans, UnitType type, int limit, Set<String> preferred) {
        if (content == null || content.isBlank()) {
            return List.of();
        }
        Set<String> planIds = new java.util.HashSet<>();
        for (Plan p : plans) {
            planIds.add(p.id());
        }
        Coverage coverage = coverageNow();
        Question question = QUESTION.get();
        if (question == null || question.generation != coverage) {
            return search(searcher.prepare(content), content, planIds, type, limit, preferred, coverage);
        }
        Find key = new Find(content, Set.copyOf(planIds), type, limit, Set.copyOf(preferred));
        List<Scored> found = question.finds.get(key);
        if (found == null) {
            PreparedQuery prepared = question.prepared.computeIfAbsent(content, searcher::prepare);
            found = search(prepared, content, planIds, type, limit, preferred, coverage);
            question.finds.put(key, found);
        }
        return found;
    }

    /**
     * Opens the retrieval of one question on this thread, until {@link Question#close}. The router asks
     * the same retrieval more than once for one question (by the asked facet, then by intent; the passage
     * that supports a task answer; the strongest retrieval of an unsure verdict), and its retrievals search
     * the same few texts within other plans and types: within the question each text is analysed once and
     * each retrieval made once — a search is a pure function of the text and the knowledge generation.
     * Nothing outlives the question: no entry ever serves another request.
     */
    Question open() {
        Question q = new Question(coverageNow());
        QUESTION.set(q);
        return q;
    }

    private static final ThreadLocal<Question> QUESTION = new ThreadLocal<>();

    /** The retrievals of one question (see {@link #open}). */
    static final class Question implements AutoCloseable {
        private final Coverage generation;
        private final java.util.Map<String, PreparedQuery> prepared = new java.util.HashMap<>(4);
        private final java.util.Map<Find, List<Scored>> finds = new java.util.HashMap<>(8);

        private Question(Coverage generation) {
            this.generation = generation;
        }

        @Override
        public void close() {
            if (QUESTION.get() == this) {
                QUESTION.remove();
            }
        }
    }

    private record Find(String content, Set<String> planIds, UnitType type, int limit, Set<String> preferred) {
    }

    private List<Scored> search(PreparedQuery prepared, String content, Set<String> planIds, UnitType type, int limit,
                                Set<String> preferred, Coverage coverage) {
        List<SearchHit> hits = prepared.top(planIds, Set.of(type), Math.max(limit, 8));
        List<Scored> scored = new ArrayList<>();
        float top = hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), 1e-6f);
        Coverage.Query query = coverage.query(content);
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            double cov = coverage.of(query, coverage.features(h.title()), coverage.features(h.text()));
            // Half the searcher's judgement (it knows synonyms, OCR variants, rare words), half coverage.
            double score = 0.5 * h.score() / top + 0.5 * cov
                    + (h.planId() != null && preferred.contains(h.planId()) && preferred.size() < planIds.size() ? OWN_PROVINCE_BONUS : 0);
            scored.add(new Scored(h, cov, i, score));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()));
        return List.copyOf(scored.size() > limit ? scored.subList(0, limit) : scored);
    }

    /** The FAQ entry of a hit: the searcher's current generation knows entries edited in the console. */
    Optional<vn.hoidap.corpus.FaqEntry> faq(String id) {
        return searcher.faq(id).or(() -> knowledge.faqs().stream().filter(f -> f.id().equals(id)).findFirst());
    }

    Optional<Task> task(SearchHit hit) {
        return knowledge.plan(hit.planId())
                .flatMap(p -> p.tasks().stream().filter(t -> t.id().equals(hit.id())).findFirst());
    }

    Optional<Plan> plan(String planId) {
        return knowledge.plan(planId);
    }

    /** For TARGET, DEADLINE and RESPONSIBILITY hits the id is the index in the plan's list. */
    static int index(SearchHit hit) {
        try {
            return Integer.parseInt(hit.id());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package vn.hoidap.assistant;

import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.SearchQuery;
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
        Found[] recent = RECENT.get();
        for (Found f : recent) {
            if (f != null && f.matches(content, coverage, planIds, type, limit, preferred)) {
                return f.scored();
            }
        }
        List<Scored> scored = search(content, planIds, type, limit, preferred, coverage);
        System.arraycopy(recent, 0, recent, 1, recent.length - 1);
        recent[0] = new Found(content, coverage, planIds, type, limit, Set.copyOf(preferred), scored);
        return scored;
    }

    /**
     * The router asks the same retrieval more than once for one question (by the asked facet, then by
     * intent; the passage that supports a task answer; the strongest retrieval of an unsure verdict). The
     * repeat is recognised by the very string of the question's content (identity, not equality: each
     * request reads its question anew, so an entry never serves another request) and the knowledge
     * generation, and gets the same candidates: a search is a pure function of both.
     */
    private record Found(String content, Coverage generation, Set<String> planIds, UnitType type, int limit,
                         Set<String> preferred, List<Scored> scored) {
        boolean matches(String c, Coverage g, Set<String> p, UnitType t, int l, Set<String> pref) {
            return content == c && generation == g && type == t && limit == l && planIds.equals(p)
                    && preferred.equals(pref);
        }
    }

    /** More than the retrievals one question makes; older entries are simply overwritten. */
    private static final int RECENT_FINDS = 12;
    private static final ThreadLocal<Found[]> RECENT = ThreadLocal.withInitial(() -> new Found[RECENT_FINDS]);

    private List<Scored> search(String content, Set<String> planIds, UnitType type, int limit, Set<String> preferred,
                                Coverage coverage) {
        List<SearchHit> hits = searcher.search(new SearchQuery(content, planIds, Set.of(type), Math.max(limit, 8)));
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

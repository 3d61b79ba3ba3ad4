package vn.hoidap.search;

import java.util.List;
import java.util.Set;

/**
 * One text analysed once into a query, then searched within as many cuts (plans, unit types) as a caller
 * needs: the assistant asks a question's words for FAQs, passages, tasks and targets, each within other
 * plans, and the analysis with its term look-ups costs as much as a search. Used by one thread (a request).
 */
@FunctionalInterface
public interface PreparedQuery {

    /**
     * The best {@code limit} units of {@code planIds} (empty: every plan and the FAQs) and of {@code types}
     * (empty: every type), as {@link Searcher#search} gives them for the same text.
     */
    List<SearchHit> top(Set<String> planIds, Set<UnitType> types, int limit);
}

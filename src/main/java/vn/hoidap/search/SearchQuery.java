package vn.hoidap.search;

import java.util.Set;

/**
 * A search request. {@code text} is anything a person typed (never parsed as query syntax);
 * {@code planIds} restricts to those plans (empty = all plans and FAQs); {@code types} restricts unit
 * types (empty = all).
 */
public record SearchQuery(String text, Set<String> planIds, Set<UnitType> types, int limit) {
    public SearchQuery {
        planIds = planIds == null ? Set.of() : Set.copyOf(planIds);
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, Set.of(), Set.of(), limit);
    }
}

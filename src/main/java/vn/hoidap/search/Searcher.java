package vn.hoidap.search;

import java.util.List;

/** Ranked retrieval over the knowledge; any input text is safe (never throws on user input). */
public interface Searcher {

    /** The FAQ entry {@code id} of the index generation now searched (console edits included); empty if unknown. */
    default java.util.Optional<vn.hoidap.corpus.FaqEntry> faq(String id) {
        return java.util.Optional.empty();
    }

    List<SearchHit> search(SearchQuery query);

    /** {@code text} analysed once for several searches (this default analyses it again for each one). */
    default PreparedQuery prepare(String text) {
        return (planIds, types, limit) -> search(new SearchQuery(text, planIds, types, limit));
    }

    /** The concept lexicon the index was built with, for matching that must agree with it. */
    default Concepts concepts() {
        return Concepts.NONE;
    }

    /** The ids of the plans of a province (today's name or a former one) in the index now searched. */
    default java.util.Set<String> planIdsOfProvince(String province) {
        return java.util.Set.of();
    }
}

package vn.hoidap.search;

import java.util.List;

/** Ranked retrieval over the knowledge; any input text is safe (never throws on user input). */
public interface Searcher {
    List<SearchHit> search(SearchQuery query);
}

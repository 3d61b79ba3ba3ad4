package vn.hoidap.upload;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.search.LuceneSearcher;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.SearchQuery;
import vn.hoidap.search.Searcher;

import java.util.List;
import java.util.Optional;

/**
 * The searcher every reader is given: the index of the knowledge generation it is reading. Each generation
 * carries its own index ({@link KnowledgeComposer} builds it off to the side before the swap), so the plans a
 * hit names and the plans the knowledge holds always come from the same generation; the committed corpus's
 * generation uses the index built at start-up.
 */
@Primary
@Singleton
final class SnapshotSearcher implements Searcher {

    static final String KEY = "search.index";

    private final Knowledge knowledge;
    private final LuceneSearcher startup;

    SnapshotSearcher(Knowledge knowledge, LuceneSearcher startup) {
        this.knowledge = knowledge;
        this.startup = startup;
    }

    private Searcher current() {
        return knowledge.derived(KEY, k -> startup);
    }

    @Override
    public Optional<FaqEntry> faq(String id) {
        return current().faq(id);
    }

    @Override
    public java.util.Set<String> planIdsOfProvince(String province) {
        return current().planIdsOfProvince(province);
    }

    @Override
    public vn.hoidap.search.Concepts concepts() {
        return startup.concepts();
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return current().search(query);
    }

    @Override
    public vn.hoidap.search.PreparedQuery prepare(String text) {
        return current().prepare(text);
    }
}

package vn.hoidap.search;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.text.Fold;
import vn.hoidap.text.analysis.Abbreviations;
import vn.hoidap.text.analysis.Stopwords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory Lucene index of the knowledge. Built at start-up; {@link #rebuild} replaces every
 * document in the same writer and swaps readers through a {@link SearcherManager}, so queries running
 * during a rebuild keep using the previous reader and none fails.
 */
@Context
public final class LuceneSearcher implements Searcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearcher.class);
    /** Drafts rank below issued plans: a draft's score is multiplied by this. */
    static final float DRAFT_FACTOR = 0.7f;
    static final int MAX_LIMIT = 50;

    private final Analyzer analyzer;
    private final QueryBuilder queries;
    private final Abbreviations abbreviations;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager manager;
    private volatile Vocabulary vocabulary = new Vocabulary(Set.of(), Set.of(), Map.of());
    private volatile long lastBuildMillis;

    @Inject
    LuceneSearcher(Knowledge knowledge, CorpusConfig config) {
        this(knowledge, Abbreviations.load(Path.of(config.dir(), "abbreviations.txt")),
                Stopwords.load(Path.of(config.dir(), "stopwords.txt")));
    }

    public LuceneSearcher(Knowledge knowledge, Abbreviations abbreviations, Stopwords stopwords) {
        this.analyzer = Fields.analyzer(stopwords);
        this.queries = new QueryBuilder(analyzer, abbreviations);
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            this.manager = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the in-memory index", e);
        }
        this.abbreviations = abbreviations;
        rebuild(knowledge);
    }

    /** Replaces the whole index with {@code knowledge}; concurrent queries see the old or the new index. */
    public synchronized void rebuild(Knowledge knowledge) {
        long start = System.nanoTime();
        List<IndexUnit> units = IndexUnits.from(knowledge);
        try {
            writer.deleteAll();
            for (IndexUnit unit : units) {
                writer.addDocument(document(unit));
            }
            writer.forceMerge(1);
            writer.commit();
            manager.maybeRefreshBlocking();
            vocabulary = vocabulary(knowledge);
        } catch (IOException e) {
            throw new UncheckedIOException("Index build failed", e);
        }
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Search index: {} units ({} plans, {} FAQ entries) built in {} ms", units.size(),
                knowledge.plans().size(), knowledge.faqs().size(), lastBuildMillis);
    }

    public long lastBuildMillis() {
        return lastBuildMillis;
    }

    /** Plan ids of a province named with or without diacritics ("binh dinh", "tỉnh Bình Định"); may be empty. */
    public Set<String> planIdsOfProvince(String province) {
        return vocabulary.provinces().getOrDefault(provinceKey(province), Set.of());
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (query == null || query.text() == null) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(MAX_LIMIT, query.limit()));
        Vocabulary vocab = vocabulary;
        QueryBuilder.Built built = queries.build(query.text(), vocab.exact()::contains, vocab.folded()::contains);
        if (built.query() == null) {
            return List.of();
        }
        Query filtered = filter(built.query(), query);
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return hits(searcher, filtered, built, limit);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    private static Query filter(Query query, SearchQuery request) {
        if (request.planIds().isEmpty() && request.types().isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (!request.planIds().isEmpty()) {
            b.add(new TermInSetQuery(Fields.PLAN, request.planIds().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
        if (!request.types().isEmpty()) {
            b.add(new TermInSetQuery(Fields.TYPE, request.types().stream().map(t -> new BytesRef(t.name())).toList()),
                    Occur.FILTER);
        }
        return b.build();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, QueryBuilder.Built built, int limit)
            throws IOException {
        // fetch more than asked, then lower drafts: a draft may only fall, so the true top is inside
        ScoreDoc[] top = searcher.search(query, Math.max(limit * 3, 30)).scoreDocs;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoreDoc> ranked = new ArrayList<>(top.length);
        for (ScoreDoc sd : top) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            NumericDocValues draft = leaf.reader().getNumericDocValues(Fields.DRAFT);
            boolean isDraft = draft != null && draft.advanceExact(sd.doc - leaf.docBase) && draft.longValue() == 1;
            ranked.add(new ScoreDoc(sd.doc, isDraft ? sd.score * DRAFT_FACTOR : sd.score));
        }
        ranked.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(limit);
        for (ScoreDoc sd : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Document d = stored.document(sd.doc);
            String text = d.get(Fields.TEXT);
            hits.add(new SearchHit(UnitType.valueOf(d.get(Fields.TYPE)), d.get(Fields.ID), d.get(Fields.PLAN),
                    d.get(Fields.TITLE), text, Snippets.of(text, d.get(Fields.FOLDED_TEXT), built.foldedTerms()),
                    d.get(Fields.SECTION), d.get(Fields.URL), sd.score));
        }
        return hits;
    }

    private Document document(IndexUnit u) {
        Document d = new Document();
        d.add(new StringField(Fields.TYPE, u.type().name(), Store.YES));
        d.add(new StringField(Fields.ID, u.id(), Store.YES));
        if (u.planId() != null) {
            d.add(new StringField(Fields.PLAN, u.planId(), Store.YES));
        }
        if (u.province() != null) {
            d.add(new StringField(Fields.PROVINCE, provinceKey(u.province()), Store.YES));
        }
        u.agencyIds().forEach(a -> d.add(new StringField(Fields.AGENCY, a, Store.YES)));
        d.add(new NumericDocValuesField(Fields.DRAFT, u.draft() ? 1 : 0));
        d.add(new StoredField(Fields.TITLE, u.title()));
        d.add(new StoredField(Fields.TEXT, u.text()));
        d.add(new StoredField(Fields.FOLDED_TEXT, Snippets.foldSameLength(u.text())));
        if (u.section() != null) {
            d.add(new StoredField(Fields.SECTION, u.section()));
        }
        d.add(new StoredField(Fields.URL, u.url()));
        String content = abbreviations.expand(u.title() + "\n" + u.text());
        d.add(new TextField(Fields.EXACT, content, Store.NO));
        d.add(new TextField(Fields.FOLD, content, Store.NO));
        d.add(new TextField(Fields.BI, content, Store.NO));
        d.add(new TextField(Fields.BIFOLD, content, Store.NO));
        d.add(new TextField(Fields.DOCNO, u.title() + "\n" + u.text(), Store.NO));
        if (u.ocr()) {
            String ocrText = u.originalText() == null ? content : content + "\n" + u.originalText();
            d.add(new TextField(Fields.FOLD_OCR, ocrText, Store.NO));
            d.add(new TextField(Fields.CHARGRAMS, ocrText, Store.NO));
        }
        return d;
    }

    /** Words of the index, for the Telex repair, and plan ids by province. */
    private Vocabulary vocabulary(Knowledge knowledge) throws IOException {
        Set<String> exact = new HashSet<>();
        Set<String> folded = new HashSet<>();
        IndexSearcher searcher = manager.acquire();
        try {
            collect(searcher.getIndexReader(), Fields.EXACT, exact);
            collect(searcher.getIndexReader(), Fields.FOLD, folded);
        } finally {
            manager.release(searcher);
        }
        Map<String, Set<String>> provinces = new HashMap<>();
        knowledge.plans().forEach(p -> provinces.computeIfAbsent(provinceKey(p.meta().province()), k -> new HashSet<>())
                .add(p.id()));
        provinces.replaceAll((k, v) -> Set.copyOf(v));
        return new Vocabulary(Set.copyOf(exact), Set.copyOf(folded), Map.copyOf(provinces));
    }

    private static void collect(org.apache.lucene.index.IndexReader reader, String field, Set<String> into) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            into.add(t.utf8ToString());
        }
    }

    /** "Tỉnh Bình Định" → "binh dinh". */
    static String provinceKey(String province) {
        String f = Fold.fold(province == null ? "" : province).replaceAll("[^a-z0-9 ]", " ").strip();
        f = f.replaceFirst("^(tinh|thanh pho|tp)\\s+", "");
        return f.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    @PreDestroy
    public void close() throws IOException {
        manager.close();
        writer.close();
        directory.close();
    }

    private record Vocabulary(Set<String> exact, Set<String> folded, Map<String, Set<String>> provinces) {
    }
}

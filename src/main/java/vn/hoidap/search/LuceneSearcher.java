package vn.hoidap.search;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.text.Fold;
import vn.hoidap.text.analysis.Abbreviations;
import vn.hoidap.text.analysis.FoldAnalyzer;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    /** Index build buffer; the 1,189 units of the corpus take about a tenth of it. */
    private static final double RAM_BUFFER_MB = 512;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Analyzer analyzer;
    private final QueryBuilder queries;
    private final Abbreviations abbreviations;
    private final Concepts concepts;
    /** Each file as one buffer: the default 1 KB blocks make every postings clone copy a long buffer list. */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final IndexWriter writer;
    private final SearcherManager manager;
    private final Analyzer ocrFold;
    /** The units of the generation being built; the searcher factory attaches them to the new reader. */
    private volatile Snapshot pending = new Snapshot(List.of(), Map.of());
    private volatile Map<String, Set<String>> provinces = Map.of();
    /** FAQ entries by id of the latest build: rebuild(knowledge with console-edited FAQs) makes them live. */
    private volatile Map<String, vn.hoidap.corpus.FaqEntry> faqs = Map.of();
    private volatile long lastBuildMillis;
    /** Builds since start-up and their total time, for the hoidap.index.rebuild timer (system/IndexMetrics). */
    private final java.util.concurrent.atomic.AtomicLong builds = new java.util.concurrent.atomic.AtomicLong(), buildMillisTotal = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    LuceneSearcher(Knowledge knowledge, CorpusConfig config) {
        this(knowledge, Abbreviations.load(Path.of(config.dir(), "abbreviations.txt")),
                Stopwords.load(Path.of(config.dir(), "stopwords.txt")),
                Concepts.load(Path.of(config.dir(), "concepts.txt")));
    }

    public LuceneSearcher(Knowledge knowledge, Abbreviations abbreviations, Stopwords stopwords) {
        this(knowledge, abbreviations, stopwords, Concepts.NONE);
    }

    /** As above; units are also indexed by the {@code concepts} they name, and queries matched on them. */
    public LuceneSearcher(Knowledge knowledge, Abbreviations abbreviations, Stopwords stopwords, Concepts concepts) {
        this.concepts = concepts;
        this.analyzer = Fields.analyzer(stopwords);
        this.ocrFold = new FoldAnalyzer(stopwords.folded(), false, true);
        this.queries = new QueryBuilder(analyzer, abbreviations, concepts);
        try {
            // One segment, no compound file: the whole corpus fits the buffer, so nothing is flushed early,
            // forceMerge has nothing to merge, and no segment is copied into a .cfs in memory.
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setNoCFSRatio(0);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges));
            this.manager = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    Snapshot snapshot = pending;
                    return new UnitSearcher(reader, snapshot.units());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the in-memory index", e);
        }
        this.abbreviations = abbreviations;
        rebuild(knowledge);
    }

    /** Replaces the whole index with {@code knowledge}; concurrent queries see the old or the new index. */
    public synchronized void rebuild(Knowledge knowledge) {
        long start = System.nanoTime();
        long cpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        List<IndexUnit> units = IndexUnits.from(knowledge);
        try {
            writer.deleteAll();
            // The analysis of every unit's fields (most of the build's CPU) runs on all cores, while this
            // thread adds the documents in their order: doc ids stay the units' ords, the index is the same.
            ExecutorService analysis = Executors.newFixedThreadPool(ANALYSIS_THREADS, r -> {
                Thread t = new Thread(r, "index-analysis");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Field>>> analysed = new ArrayList<>(units.size());
                for (IndexUnit u : units) {
                    analysed.add(analysis.submit(() -> analysedFields(u)));
                }
                for (int i = 0; i < units.size(); i++) {
                    writer.addDocument(document(units.get(i), i, done(analysed.get(i))));
                }
            } finally {
                analysis.shutdownNow();
            }
            writer.forceMerge(1);
            writer.commit();
            Snapshot snapshot = new Snapshot(List.copyOf(units), provinces(knowledge));
            pending = snapshot;
            Map<String, vn.hoidap.corpus.FaqEntry> byId = new HashMap<>();
            knowledge.faqs().forEach(f -> byId.put(f.id(), f));
            faqs = Map.copyOf(byId);
            manager.maybeRefreshBlocking();
            provinces = snapshot.provinces();
        } catch (IOException e) {
            throw new UncheckedIOException("Index build failed", e);
        }
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        buildMillisTotal.addAndGet(lastBuildMillis);
        builds.incrementAndGet();
        // the build runs on this thread alone: its CPU time is the figure to compare on a loaded machine
        long cpuMillis = cpuStart < 0 ? -1 : (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        LOG.info("Search index: {} units ({} plans, {} FAQ entries) built in {} ms ({} ms CPU)", units.size(),
                knowledge.plans().size(), knowledge.faqs().size(), lastBuildMillis, cpuMillis);
    }

    @Override
    public Concepts concepts() {
        return concepts;
    }

    @Override
    public java.util.Optional<vn.hoidap.corpus.FaqEntry> faq(String id) {
        return java.util.Optional.ofNullable(id == null ? null : faqs.get(id));
    }

    public long lastBuildMillis() {
        return lastBuildMillis;
    }

    public long builds() {
        return builds.get();
    }

    public long buildMillisTotal() {
        return buildMillisTotal.get();
    }

    /** Units in the live index, and the bytes its in-memory directory holds. */
    public int indexedUnits() {
        return pending.units().size();
    }

    public long indexBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            return -1; // a file merged away while listing: the next scrape reads it again
        }
    }

    /** Plan ids of a province named with or without diacritics ("binh dinh", "tỉnh Bình Định"); may be empty. */
    public Set<String> planIdsOfProvince(String province) {
        return provinces.getOrDefault(provinceKey(province), Set.of());
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (query == null || query.text() == null) {
            return List.of();
        }
        return prepare(query.text()).top(query.planIds(), query.types(), query.limit());
    }

    @Override
    public PreparedQuery prepare(String text) {
        return text == null ? (p, t, l) -> List.of() : new Prepared(text);
    }

    /**
     * The query of one text for the index generation it was analysed against (analysed again if a rebuild
     * swapped the generation in between: term statistics belong to one reader).
     */
    private final class Prepared implements PreparedQuery {
        private final String text;
        private UnitSearcher generation;
        private QueryBuilder.Built built;

        Prepared(String text) {
            this.text = text;
        }

        @Override
        public List<SearchHit> top(Set<String> planIds, Set<UnitType> types, int limit) {
            int n = Math.max(1, Math.min(MAX_LIMIT, limit));
            try {
                UnitSearcher searcher = (UnitSearcher) manager.acquire();
                try {
                    if (searcher != generation) {
                        TermLookup lookup = new TermLookup(searcher, searcher.termStates);
                        built = queries.build(text, searcher.exactWords::contains, searcher.foldedWords::contains,
                                term -> searcher.fuzzy.of(searcher.getIndexReader(), Fields.BIFOLD, term), lookup::query);
                        generation = searcher;
                    }
                    Query query = searcher.reachesOcr(planIds, types) ? built.query() : built.withoutGrams();
                    if (query == null) {
                        return List.of();
                    }
                    return hits(searcher, filter(query, planIds, types), built, n);
                } finally {
                    manager.release(searcher);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Search failed", e);
            }
        }
    }

    /**
     * Term clauses with their statistics looked up now, as {@link TermStates#build} would in every search,
     * with one terms enumerator per field and leaf instead of one per term; the statistics of a term are
     * the index generation's, so they are remembered with it ({@code known}, bounded).
     */
    private static final class TermLookup {
        private static final int MAX_KNOWN = 100_000;
        private final IndexSearcher searcher;
        private final Map<Term, TermStates> known;
        private final Map<String, TermsEnum[]> enums = new HashMap<>();

        TermLookup(IndexSearcher searcher, Map<Term, TermStates> known) {
            this.searcher = searcher;
            this.known = known;
        }

        /** The term's clause, or null when no unit holds the term. */
        Query query(Term term) {
            TermStates states = known.get(term);
            if (states == null) {
                states = lookUp(term);
                if (known.size() >= MAX_KNOWN) {
                    known.clear();
                }
                known.put(term, states);
            }
            return states.docFreq() == 0 ? null : new TermQuery(term, states);
        }

        private TermStates lookUp(Term term) {
            try {
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                TermsEnum[] perLeaf = enums.get(term.field());
                if (perLeaf == null) {
                    perLeaf = new TermsEnum[leaves.size()];
                    for (LeafReaderContext leaf : leaves) {
                        Terms terms = Terms.getTerms(leaf.reader(), term.field());
                        perLeaf[leaf.ord] = terms.iterator();
                    }
                    enums.put(term.field(), perLeaf);
                }
                TermStates states = new TermStates(searcher.getTopReaderContext());
                for (LeafReaderContext leaf : leaves) {
                    TermsEnum te = perLeaf[leaf.ord];
                    if (te.seekExact(term.bytes())) {
                        states.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                    }
                }
                return states;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Query filter(Query query, Set<String> planIds, Set<UnitType> types) {
        if (planIds.isEmpty() && types.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (!planIds.isEmpty()) {
            b.add(new TermInSetQuery(Fields.PLAN, planIds.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!types.isEmpty()) {
            b.add(new TermInSetQuery(Fields.TYPE, types.stream().map(t -> new BytesRef(t.name())).toList()),
                    Occur.FILTER);
        }
        return b.build();
    }

    private static List<SearchHit> hits(UnitSearcher searcher, Query query, QueryBuilder.Built built, int limit)
            throws IOException {
        // fetch more than asked, then lower drafts: a draft may only fall, so the true top is inside;
        // no exact hit count, so block-max scoring may skip documents that cannot enter the top
        int n = Math.max(limit * 3, 30);
        ScoreDoc[] top = searcher.search(query, new TopScoreDocCollectorManager(n, null, n)).scoreDocs;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        record Ranked(int unit, float score) {
        }
        List<Ranked> ranked = new ArrayList<>(top.length);
        for (ScoreDoc sd : top) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            NumericDocValues ord = leaf.reader().getNumericDocValues(Fields.ORD);
            if (ord == null || !ord.advanceExact(sd.doc - leaf.docBase)) {
                continue;
            }
            int unit = (int) ord.longValue();
            ranked.add(new Ranked(unit, searcher.units.get(unit).draft() ? sd.score * DRAFT_FACTOR : sd.score));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparingInt(Ranked::unit));
        List<SearchHit> hits = new ArrayList<>(limit);
        for (Ranked r : ranked.subList(0, Math.min(limit, ranked.size()))) {
            IndexUnit u = searcher.units.get(r.unit());
            String folded = searcher.foldedTexts[r.unit()];
            // the extract is made when someone reads it: most hits only serve the assistant's ranking
            hits.add(new SearchHit(u.type(), u.id(), u.planId(), u.title(), u.text(),
                    () -> Snippets.of(u.text(), folded, built.foldedTerms()), u.section(), u.url(), r.score()));
        }
        return hits;
    }

    /**
     * Only what is searched or filtered goes into the index; what a hit shows comes from the unit table of
     * the same generation ({@link UnitSearcher}), found through the {@code ord} doc value.
     */
    private Document document(IndexUnit u, int ord, List<Field> analysed) {
        Document d = new Document();
        d.add(new NumericDocValuesField(Fields.ORD, ord));
        d.add(new StringField(Fields.TYPE, u.type().name(), Store.NO));
        if (u.planId() != null) {
            d.add(new StringField(Fields.PLAN, u.planId(), Store.NO));
        }
        if (u.province() != null) {
            d.add(new StringField(Fields.PROVINCE, provinceKey(u.province()), Store.NO));
        }
        u.agencyIds().forEach(a -> d.add(new StringField(Fields.AGENCY, a, Store.NO)));
        analysed.forEach(d::add);
        return d;
    }

    /** The unit's analysed fields, each run through its analyzer now (on an analysis thread). */
    private List<Field> analysedFields(IndexUnit u) {
        String content = abbreviations.expand(u.title() + "\n" + u.text());
        List<Field> fields = new ArrayList<>(7);
        fields.add(analysed(analyzer, Fields.EXACT, content));
        fields.add(analysed(analyzer, Fields.BI, content));
        fields.add(analysed(analyzer, Fields.BIFOLD, content));
        fields.add(analysed(analyzer, Fields.TITLE_BIFOLD, abbreviations.expand(u.title())));
        fields.add(analysed(analyzer, Fields.DOCNO, u.title() + "\n" + u.text()));
        // the concepts the unit names, once here: a question naming one in other words matches it by one term
        for (int c : concepts.in(Concepts.tokens(content))) {
            fields.add(new StringField(Fields.CONCEPT, Concepts.term(c), Store.NO));
        }
        if (u.ocr()) {
            // OCR units: the folded field repairs OCR digits ("s6" → "so") and also holds the text as received
            String ocrText = u.originalText() == null ? content : content + "\n" + u.originalText();
            fields.add(analysed(ocrFold, Fields.FOLD, ocrText));
            fields.add(analysed(analyzer, Fields.CHARGRAMS, ocrText));
        } else {
            fields.add(analysed(analyzer, Fields.FOLD, content));
        }
        return fields;
    }

    private static Field analysed(Analyzer analyzer, String field, String text) {
        return new Field(field, PreAnalyzed.of(analyzer, field, text).stream(), TextField.TYPE_NOT_STORED);
    }

    private static List<Field> done(Future<List<Field>> analysed) throws IOException {
        try {
            return analysed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Index build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("Analysis failed", e.getCause());
        }
    }

    /** Analysis threads of an index build: every core (this thread mostly waits for them or inverts). */
    private static final int ANALYSIS_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static Map<String, Set<String>> provinces(Knowledge knowledge) {
        Map<String, Set<String>> byProvince = new HashMap<>();
        knowledge.plans().forEach(p -> byProvince.computeIfAbsent(provinceKey(p.meta().province()),
                k -> new HashSet<>()).add(p.id()));
        byProvince.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(byProvince);
    }

    private static void collect(IndexReader reader, String field, Set<String> into) throws IOException {
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
        ocrFold.close();
        directory.close();
    }

    /** The units and provinces of one index generation, before its reader exists. */
    private record Snapshot(List<IndexUnit> units, Map<String, Set<String>> provinces) {
    }

    /**
     * A searcher that carries its generation: the unit table its doc ords point into, the folded texts for
     * snippets, the words for the Telex repair and the fuzzy cache. Swapped as one by the manager.
     */
    static final class UnitSearcher extends IndexSearcher {
        final List<IndexUnit> units;
        final String[] foldedTexts;
        final Set<String> exactWords;
        final Set<String> foldedWords;
        final FuzzyExpansions fuzzy = new FuzzyExpansions();
        /** Term statistics of this generation, looked up on first use. */
        final Map<Term, TermStates> termStates = new java.util.concurrent.ConcurrentHashMap<>();
        /** The (plan, type) pairs of OCR units: the only units with character 3-grams. */
        private final List<Map.Entry<String, UnitType>> ocrKinds;

        UnitSearcher(IndexReader reader, List<IndexUnit> units) throws IOException {
            super(reader);
            this.units = units;
            this.foldedTexts = units.stream().map(u -> Snippets.foldSameLength(u.text())).toArray(String[]::new);
            Set<String> exact = new HashSet<>();
            Set<String> folded = new HashSet<>();
            collect(reader, Fields.EXACT, exact);
            collect(reader, Fields.FOLD, folded);
            this.exactWords = Set.copyOf(exact);
            this.foldedWords = Set.copyOf(folded);
            this.ocrKinds = units.stream().filter(IndexUnit::ocr)
                    .map(u -> Map.entry(u.planId() == null ? "" : u.planId(), u.type())).distinct().toList();
        }

        /** Whether a search within these plans and types can reach an OCR unit (empty: any). */
        boolean reachesOcr(Set<String> planIds, Set<UnitType> types) {
            for (Map.Entry<String, UnitType> k : ocrKinds) {
                if ((planIds.isEmpty() || planIds.contains(k.getKey())) && (types.isEmpty() || types.contains(k.getValue()))) {
                    return true;
                }
            }
            return false;
        }
    }
}

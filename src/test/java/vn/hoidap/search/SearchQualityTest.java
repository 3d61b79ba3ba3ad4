package vn.hoidap.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrieval quality on the committed set {@code search-quality.tsv}: recall@3 and MRR@10 of our searcher,
 * printed beside a plain {@code StandardAnalyzer} index of the same units answering the same queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTest {

    static final Path SET = Path.of("src/test/resources/search-quality.tsv");
    private static final int DEPTH = 10;

    /** One line of the set. {@code scope} is a plan id or null. */
    record Case(String query, String scope, UnitType type, String planId, String substring) {

        boolean matches(UnitType t, String plan, String title, String text) {
            return t == type && java.util.Objects.equals(planId, plan) && Fold.fold(title + "\n" + text).contains(Fold.fold(substring));
        }
    }

    /** Where the expected unit came (1-based), or 0 when not in the first {@link #DEPTH}. */
    record Outcome(Case c, int rank, String top) {
    }

    private Knowledge knowledge;
    private LuceneSearcher searcher;
    private List<Case> cases;

    @BeforeAll
    void setUp() throws IOException {
        knowledge = SearchFixtures.knowledge();
        searcher = new LuceneSearcher(knowledge, SearchFixtures.abbreviations(), SearchFixtures.stopwords());
        cases = load(SET);
    }

    @AfterAll
    void tearDown() throws IOException {
        searcher.close();
    }

    static List<Case> load(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1].equals("*") ? null : f[1], UnitType.valueOf(f[2]),
                    f[3].equals("-") ? null : f[3], f[4]));
        }
        return out;
    }

    @Test
    void oursBeatsTheThresholdsAndIsPrintedBesideThePlainBaseline() throws IOException {
        assertTrue(cases.size() >= 60, "the set needs at least 60 cases, has " + cases.size());
        for (Case c : cases) {
            assertTrue(knowledgeHas(c), "no unit in the corpus matches " + c);
        }
        List<Outcome> ours = new ArrayList<>();
        for (Case c : cases) {
            List<SearchHit> hits = searcher.search(new SearchQuery(c.query(),
                    c.scope() == null ? Set.of() : Set.of(c.scope()), Set.of(), DEPTH));
            int rank = 0;
            for (int i = 0; i < hits.size() && rank == 0; i++) {
                SearchHit h = hits.get(i);
                if (c.matches(h.type(), h.planId(), h.title(), h.text())) {
                    rank = i + 1;
                }
            }
            ours.add(new Outcome(c, rank, hits.isEmpty() ? "-" : hits.get(0).type() + " " + hits.get(0).planId()
                    + " " + hits.get(0).id()));
        }
        List<Outcome> plain = baseline();
        StringBuilder report = new StringBuilder("\nSearch quality on ").append(cases.size()).append(" queries\n");
        report.append(String.format("  %-22s recall@3 %5.1f%%   MRR@10 %.3f%n", "ours",
                100 * recallAt3(ours), mrr(ours)));
        report.append(String.format("  %-22s recall@3 %5.1f%%   MRR@10 %.3f%n", "plain StandardAnalyzer",
                100 * recallAt3(plain), mrr(plain)));
        for (int i = 0; i < ours.size(); i++) {
            Outcome o = ours.get(i);
            if (o.rank() != 1) {
                report.append(String.format("  rank %2d (plain %2d)  %s  → expected %s %s \"%s\", top: %s%n", o.rank(),
                        plain.get(i).rank(), o.c().query(), o.c().type(), o.c().planId(), o.c().substring(), o.top()));
            }
        }
        System.out.println(report);
        assertTrue(recallAt3(ours) >= 0.95, report.toString());
        assertTrue(mrr(ours) >= 0.85, report.toString());
    }

    private boolean knowledgeHas(Case c) {
        return IndexUnits.from(knowledge).stream().anyMatch(u -> c.matches(u.type(), u.planId(), u.title(), u.text()));
    }

    static double recallAt3(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.rank() >= 1 && o.rank() <= 3).count() / (double) outcomes.size();
    }

    static double mrr(List<Outcome> outcomes) {
        return outcomes.stream().mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank()).sum() / outcomes.size();
    }

    /** The same units in one StandardAnalyzer field, queried with the same words (OR), same plan scope. */
    private List<Outcome> baseline() throws IOException {
        List<IndexUnit> units = IndexUnits.from(knowledge);
        try (Analyzer analyzer = new StandardAnalyzer(); ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < units.size(); i++) {
                    IndexUnit u = units.get(i);
                    Document d = new Document();
                    d.add(new StoredField("n", i));
                    d.add(new StringField("plan", u.planId() == null ? "" : u.planId(), Store.NO));
                    d.add(new TextField("text", u.title() + "\n" + u.text(), Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(reader);
                List<Outcome> out = new ArrayList<>();
                for (Case c : cases) {
                    BooleanQuery.Builder words = new BooleanQuery.Builder();
                    try (TokenStream ts = analyzer.tokenStream("text", c.query())) {
                        CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            words.add(new TermQuery(new Term("text", t.toString())), Occur.SHOULD);
                        }
                        ts.end();
                    }
                    BooleanQuery.Builder q = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
                    if (c.scope() != null) {
                        q.add(new TermQuery(new Term("plan", c.scope())), Occur.FILTER);
                    }
                    int rank = 0;
                    ScoreDoc[] top = s.search(q.build(), DEPTH).scoreDocs;
                    for (int i = 0; i < top.length && rank == 0; i++) {
                        IndexUnit u = units.get(s.storedFields().document(top[i].doc).getField("n").numericValue()
                                .intValue());
                        if (c.matches(u.type(), u.planId(), u.title(), u.text())) {
                            rank = i + 1;
                        }
                    }
                    out.add(new Outcome(c, rank, ""));
                }
                return out;
            }
        }
    }
}

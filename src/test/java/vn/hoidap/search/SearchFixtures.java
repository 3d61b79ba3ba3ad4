package vn.hoidap.search;

import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.FaqLoader;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.PlanLoader;
import vn.hoidap.text.analysis.Abbreviations;
import vn.hoidap.text.analysis.Stopwords;

import java.nio.file.Path;

/** The committed corpus as knowledge and a searcher over it, shared by the search tests and the benchmark. */
final class SearchFixtures {

    static final Path CORPUS = Path.of("corpus");

    private SearchFixtures() {
    }

    static Knowledge knowledge() {
        AgencyDirectory agencies = AgencyDirectory.load(CORPUS.resolve("agencies.yaml"));
        return new Knowledge(new PlanLoader(agencies).loadAll(CORPUS.resolve("plans")),
                FaqLoader.load(CORPUS.resolve("faq")), agencies, 0);
    }

    static Abbreviations abbreviations() {
        return Abbreviations.load(CORPUS.resolve("abbreviations.txt"));
    }

    static Stopwords stopwords() {
        return Stopwords.load(CORPUS.resolve("stopwords.txt"));
    }

    static LuceneSearcher searcher() {
        return new LuceneSearcher(knowledge(), abbreviations(), stopwords());
    }
}

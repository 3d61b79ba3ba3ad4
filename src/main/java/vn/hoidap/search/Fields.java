package vn.hoidap.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import vn.hoidap.text.analysis.CharTrigramAnalyzer;
import vn.hoidap.text.analysis.DocumentNumberAnalyzer;
import vn.hoidap.text.analysis.ExactAnalyzer;
import vn.hoidap.text.analysis.FoldAnalyzer;
import vn.hoidap.text.analysis.Stopwords;

import java.util.Map;

/** The index fields and the analyzer of each; the same analyzers run at index and at query time. */
final class Fields {

    // keywords for filters, and the unit's position in its generation's table (a doc value)
    static final String ORD = "ord";
    static final String TYPE = "type";
    static final String PLAN = "plan";
    static final String PROVINCE = "province";
    static final String AGENCY = "agency";

    // analyzed
    /** Syllables with diacritics, canonical spelling. */
    static final String EXACT = "exact";
    /** Syllables folded to ASCII; for OCR units with the OCR digit repair, over the shown and the original text. */
    static final String FOLD = "fold";
    /** Syllable pairs with diacritics. */
    static final String BI = "bi";
    /** Syllable pairs folded. */
    static final String BIFOLD = "bifold";
    /** Folded syllable pairs of the title alone: a unit whose title says it outranks one that mentions it. */
    static final String TITLE_BIFOLD = "title_bifold";
    /** Document numbers as keywords. */
    static final String DOCNO = "docno";
    /** The concepts a unit names ({@link Concepts}), one keyword each. */
    static final String CONCEPT = "concept";
    /** OCR units only: folded character 3-grams. */
    static final String CHARGRAMS = "cg";

    private Fields() {
    }

    static Analyzer analyzer(Stopwords stopwords) {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                EXACT, new ExactAnalyzer(stopwords.exact(), false),
                FOLD, new FoldAnalyzer(stopwords.folded(), false, false),
                BI, new ExactAnalyzer(stopwords.exact(), true),
                BIFOLD, new FoldAnalyzer(stopwords.folded(), true, false),
                TITLE_BIFOLD, new FoldAnalyzer(stopwords.folded(), true, false),
                DOCNO, new DocumentNumberAnalyzer(),
                CHARGRAMS, new CharTrigramAnalyzer()));
    }
}

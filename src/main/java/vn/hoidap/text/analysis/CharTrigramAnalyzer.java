package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Folded character 3-grams with "_" at word boundaries ("số" → "_so", "so_"), for OCR text: a syllable
 * with one wrong letter still shares most of its grams with the right one.
 */
public final class CharTrigramAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new SyllableNormalizeFilter(source);
        result = new FoldingFilter(result);
        result = new DigitFixFilter(result);
        result = new BoundaryMarkFilter(result);
        result = new NGramTokenFilter(result, 3, 3, false);
        return new TokenStreamComponents(source, result);
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Syllables without diacritics ("Đổi" → "doi"), for people who type without them. The canonical spelling
 * runs first so kỹ/kĩ still meet after folding. ICU folding (not ASCIIFolding) because it also handles
 * decomposed input. {@code ocrDigits} adds the OCR digit repair ("s6" → "so"), for OCR text only.
 */
public final class FoldAnalyzer extends Analyzer {

    private final CharArraySet foldedStopwords;
    private final boolean bigrams;
    private final boolean ocrDigits;

    public FoldAnalyzer(CharArraySet foldedStopwords, boolean bigrams, boolean ocrDigits) {
        this.foldedStopwords = foldedStopwords;
        this.bigrams = bigrams;
        this.ocrDigits = ocrDigits;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new SyllableNormalizeFilter(source);
        result = new FoldingFilter(result);
        if (ocrDigits) {
            result = new DigitFixFilter(result);
        }
        result = bigrams ? Bigrams.of(result) : new StopFilter(result, foldedStopwords);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new FoldingFilter(new SyllableNormalizeFilter(in));
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Syllables with their diacritics, in canonical spelling: "Hoá" and "hóa" meet, "bán" and "ban" do not.
 * {@code bigrams} turns it into the syllable-pair field ("chuyển_đổi", "đổi_số"), which stands in for
 * word segmentation; the pair field keeps stopwords so pairs never jump over a gap.
 */
public final class ExactAnalyzer extends Analyzer {

    private final CharArraySet stopwords;
    private final boolean bigrams;

    public ExactAnalyzer(CharArraySet stopwords, boolean bigrams) {
        this.stopwords = stopwords;
        this.bigrams = bigrams;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new SyllableNormalizeFilter(source);
        result = bigrams ? Bigrams.of(result) : new StopFilter(result, stopwords);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new SyllableNormalizeFilter(in);
    }
}

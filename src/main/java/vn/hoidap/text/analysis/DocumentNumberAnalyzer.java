package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

import java.util.regex.Pattern;

/**
 * Document numbers as single folded keywords: "146/QĐ-TTg" → "146/qd-ttg", "53/KH-UBND" →
 * "53/kh-ubnd", "30/2020/NĐ-CP" → "30/2020/nd-cp". The standard tokenizer would split them into
 * pieces that match every other decision; everything that is not a number is ignored.
 */
public final class DocumentNumberAnalyzer extends Analyzer {

    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\d/])\\d{1,5}(?:/\\d{4})?/(?=\\d*\\p{L})[\\p{L}\\d]{1,10}(?:-[\\p{L}\\d]{1,10}){0,3}");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        PatternTokenizer source = new PatternTokenizer(NUMBER, 0);
        TokenStream result = new FoldingFilter(source);
        return new TokenStreamComponents(source, result);
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

import java.io.IOException;

/**
 * NFC, Ð→Đ, lower-case and canonical spelling ({@link Syllables#normalize}) for every token, so "Hoá",
 * "hóa" and "HOÁ" become one term while the diacritics stay.
 */
public final class SyllableNormalizeFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public SyllableNormalizeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            String before = term.toString();
            String after = Syllables.normalize(before);
            if (!after.equals(before)) {
                term.setEmpty().append(after);
            }
        }
        return true;
    }
}

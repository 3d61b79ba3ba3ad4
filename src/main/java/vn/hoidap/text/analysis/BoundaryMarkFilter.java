package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Wraps each token in "_" ("so" → "_so_") before character n-grams, so the grams carry word boundaries
 * the way "_" stands for the spaces of the text.
 */
public final class BoundaryMarkFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public BoundaryMarkFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int len = term.length();
        char[] buf = term.resizeBuffer(len + 2);
        System.arraycopy(buf, 0, buf, 1, len);
        buf[0] = '_';
        buf[len + 1] = '_';
        term.setLength(len + 2);
        return true;
    }
}

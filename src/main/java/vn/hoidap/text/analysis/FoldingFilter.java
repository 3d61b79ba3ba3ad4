package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link ICUFoldingFilter} does (UTR #30 folding of each token), with each distinct token folded once:
 * the index analyses the same few thousand syllables in several fields of every unit, and ICU's normaliser
 * was a fifth of the index build. The result of a token never depends on its neighbours, so remembering it
 * changes nothing; the memory is bounded (it starts over when full, as odd tokens typed by people arrive).
 */
public final class FoldingFilter extends TokenFilter {

    static final int MAX_REMEMBERED = 100_000;
    private static final int MAX_TOKEN = 32;
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public FoldingFilter(TokenStream input) {
        super(input);
    }

    /** The token folded as {@link ICUFoldingFilter} folds it. */
    static String fold(String token) {
        if (token.length() > MAX_TOKEN) {
            return ICUFoldingFilter.NORMALIZER.normalize(token);
        }
        String known = FOLDED.get(token);
        if (known != null) {
            return known;
        }
        String folded = ICUFoldingFilter.NORMALIZER.normalize(token);
        if (FOLDED.size() >= MAX_REMEMBERED) {
            FOLDED.clear();
        }
        FOLDED.put(token, folded);
        return folded;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String before = term.toString();
        String after = fold(before);
        if (!after.equals(before)) {
            term.setEmpty().append(after);
        }
        return true;
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

import java.io.IOException;

/**
 * For OCR text only: inside a token that mixes letters and digits, the digits OCR confuses with "o"
 * (6, 0) become "o", so "s6" → "so" and "d0n" → "don". Pure numbers ("2025") are untouched. Never use it
 * on clean text, where it would damage real codes such as "T6".
 */
public final class DigitFixFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public DigitFixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        char[] buf = term.buffer();
        int len = term.length();
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < len; i++) {
            letter |= Character.isLetter(buf[i]);
            digit |= buf[i] >= '0' && buf[i] <= '9';
        }
        if (letter && digit) {
            for (int i = 0; i < len; i++) {
                if (buf[i] == '6' || buf[i] == '0') {
                    buf[i] = 'o';
                }
            }
        }
        return true;
    }
}

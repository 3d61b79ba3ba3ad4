package vn.hoidap.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A field's tokens as its analyzer produced them — term, position increment and length, offsets, and the
 * end state — so that the analysis (most of an index build's CPU) runs on other threads while one thread
 * adds the documents in their order. Replayed, the stream gives the index writer exactly what the analyzer
 * would have: the same terms at the same positions, hence the same postings and the same norms.
 */
final class PreAnalyzed {

    private final String[] terms;
    private final int[] increments;
    private final int[] lengths;
    private final int[] starts;
    private final int[] ends;
    private final int size;
    private final int finalOffset;
    private final int finalIncrement;

    private PreAnalyzed(String[] terms, int[] increments, int[] lengths, int[] starts, int[] ends, int size,
                        int finalOffset, int finalIncrement) {
        this.terms = terms;
        this.increments = increments;
        this.lengths = lengths;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
        this.finalOffset = finalOffset;
        this.finalIncrement = finalIncrement;
    }

    /** Runs {@code analyzer} over {@code text} as field {@code field} and keeps what it produced. */
    static PreAnalyzed of(Analyzer analyzer, String field, String text) {
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            int n = 0;
            String[] terms = new String[16];
            int[] increments = new int[16];
            int[] lengths = new int[16];
            int[] starts = new int[16];
            int[] ends = new int[16];
            ts.reset();
            while (ts.incrementToken()) {
                if (n == terms.length) {
                    int grown = n * 2;
                    terms = Arrays.copyOf(terms, grown);
                    increments = Arrays.copyOf(increments, grown);
                    lengths = Arrays.copyOf(lengths, grown);
                    starts = Arrays.copyOf(starts, grown);
                    ends = Arrays.copyOf(ends, grown);
                }
                terms[n] = term.toString();
                increments[n] = inc.getPositionIncrement();
                lengths[n] = len.getPositionLength();
                starts[n] = offset.startOffset();
                ends[n] = offset.endOffset();
                n++;
            }
            ts.end();
            return new PreAnalyzed(terms, increments, lengths, starts, ends, n, offset.endOffset(),
                    inc.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    String term(int i) {
        return terms[i];
    }

    /** A fresh stream over the kept tokens, for one field of one document. */
    TokenStream stream() {
        return new Replay(this);
    }

    private static final class Replay extends TokenStream {
        private final PreAnalyzed tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute len = addAttribute(PositionLengthAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(PreAnalyzed tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.size) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms[next]);
            inc.setPositionIncrement(tokens.increments[next]);
            len.setPositionLength(tokens.lengths[next]);
            offset.setOffset(tokens.starts[next], tokens.ends[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            inc.setPositionIncrement(tokens.finalIncrement);
            offset.setOffset(tokens.finalOffset, tokens.finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}

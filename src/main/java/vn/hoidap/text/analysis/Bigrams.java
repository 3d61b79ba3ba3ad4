package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/** Syllable pairs joined by "_" ("dịch vụ công" → "dịch_vụ", "vụ_công"), no unigrams. */
final class Bigrams {

    private Bigrams() {
    }

    static TokenStream of(TokenStream in) {
        ShingleFilter shingles = new ShingleFilter(in, 2, 2);
        shingles.setOutputUnigrams(false);
        shingles.setTokenSeparator("_");
        return shingles;
    }
}

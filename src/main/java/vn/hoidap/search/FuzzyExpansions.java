package vn.hoidap.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index's syllable pairs one edit away from a query pair ("don_vi" → "pon_vi"), remembered for the
 * life of one index: walking the term dictionary with a Levenshtein automaton costs more than the rest of
 * a query, and people repeat the same words. A new instance comes with every rebuild.
 */
final class FuzzyExpansions {

    static final int MAX_PER_TERM = 3;
    private static final int MAX_CACHED = 20_000;

    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** Pairs of {@code field} within one edit of {@code term}, most frequent first, without the term itself. */
    List<String> of(IndexReader reader, String field, String term) {
        List<String> known = cache.get(term);
        if (known != null) {
            return known;
        }
        List<String> found = expand(reader, field, term);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(term, found);
        return found;
    }

    private static List<String> expand(IndexReader reader, String field, String term) {
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return List.of();
            }
            record Candidate(String term, int docFreq) {
            }
            List<Candidate> candidates = new ArrayList<>();
            FuzzyTermsEnum e = new FuzzyTermsEnum(terms, new Term(field, term), 1, 0, true);
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String s = t.utf8ToString();
                if (!s.equals(term)) {
                    candidates.add(new Candidate(s, e.docFreq()));
                }
            }
            return candidates.stream().sorted(Comparator.comparingInt(Candidate::docFreq).reversed())
                    .limit(MAX_PER_TERM).map(Candidate::term).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

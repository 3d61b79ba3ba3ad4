package vn.hoidap.text.restore;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Syllable trigram language model with Witten-Bell interpolation. Witten-Bell suits a corpus this small
 * (tens of thousands of syllables): a context that was followed by many different syllables gives more
 * weight to the lower order, without the tuned discounts Kneser-Ney needs. Ids are ints and n-grams are
 * packed into longs, so that decoding does no string work and no boxing.
 */
final class SyllableModel {

    static final int START = 0;
    static final int UNKNOWN = 1;
    private static final int BITS = 21;

    private final Map<String, Integer> ids = new HashMap<>();
    private int[] unigram = new int[1024];
    /** As a context of one syllable: how often followed by anything, and by how many different syllables. */
    private int[] contextTotal = new int[1024];
    private int[] contextTypes = new int[1024];
    private int total;
    private final LongIntMap bigrams = new LongIntMap();
    private final LongIntMap trigrams = new LongIntMap();
    private final LongIntMap pairTotal = new LongIntMap();
    private final LongIntMap pairTypes = new LongIntMap();

    SyllableModel() {
        ids.put("<s>", START);
        ids.put("<unk>", UNKNOWN);
    }

    /** Adds one clause (already in language-model form). */
    void addSentence(List<String> syllables) {
        int u = START;
        int v = START;
        for (String s : syllables) {
            int w = intern(s);
            unigram[w]++;
            total++;
            contextTotal[v]++;
            if (bigrams.increment(pack(v, w)) == 1) {
                contextTypes[v]++;
            }
            pairTotal.increment(pack(u, v));
            if (trigrams.increment(pack(u, v, w)) == 1) {
                pairTypes.increment(pack(u, v));
            }
            u = v;
            v = w;
        }
    }

    int id(String syllable) {
        return ids.getOrDefault(syllable, UNKNOWN);
    }

    boolean knows(String syllable) {
        return ids.containsKey(syllable);
    }

    int count(int id) {
        return unigram[id];
    }

    int vocabularySize() {
        return ids.size() - 2;
    }

    /** Natural log of P(w | u v). */
    double logProb(int u, int v, int w) {
        double p = (unigram[w] + 0.1) / (total + 0.1 * (ids.size() + 1));
        if (contextTotal[v] > 0) {
            p = (bigrams.get(pack(v, w)) + contextTypes[v] * p) / (contextTotal[v] + contextTypes[v]);
            long uv = pack(u, v);
            int n = pairTotal.get(uv);
            if (n > 0) {
                int types = pairTypes.get(uv);
                p = (trigrams.get(pack(u, v, w)) + types * p) / (n + types);
            }
        }
        return Math.log(p);
    }

    private int intern(String s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = ids.size();
            ids.put(s, id);
            if (id >= unigram.length) {
                unigram = Arrays.copyOf(unigram, unigram.length * 2);
                contextTotal = Arrays.copyOf(contextTotal, contextTotal.length * 2);
                contextTypes = Arrays.copyOf(contextTypes, contextTypes.length * 2);
            }
        }
        return id;
    }

    private static long pack(int a, int b) {
        return ((long) a << BITS) | b;
    }

    private static long pack(int a, int b, int c) {
        return ((((long) a << BITS) | b) << BITS) | c;
    }
}

package vn.hoidap.text.restore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Syllable trigram language model with Witten-Bell interpolation. Witten-Bell suits a corpus this small
 * (tens of thousands of syllables): a context that was followed by many different syllables gives more
 * weight to the lower order, without the tuned discounts Kneser-Ney needs. Ids are ints; n-grams are
 * packed into longs so that decoding does no string work.
 */
final class SyllableModel {

    static final int START = 0;
    static final int UNKNOWN = 1;
    private static final int BITS = 21;

    private final Map<String, Integer> ids = new HashMap<>();
    private int[] unigram = new int[1024];
    private int total;
    /** Per context (unigram or packed bigram): how often it was followed by anything, and by how many types. */
    private final Map<Long, long[]> contexts = new HashMap<>();
    private final Map<Long, Integer> bigrams = new HashMap<>();
    private final Map<Long, Integer> trigrams = new HashMap<>();

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
            count(bigrams, contexts, pack(v, w), v + (1L << 62));
            count(trigrams, contexts, pack(u, v, w), pack(u, v) + (1L << 63));
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
        return id < unigram.length ? unigram[id] : 0;
    }

    int vocabularySize() {
        return ids.size() - 2;
    }

    /** Natural log of P(w | u v). */
    double logProb(int u, int v, int w) {
        double p1 = (count(w) + 0.1) / (total + 0.1 * (ids.size() + 1));
        double p2 = interpolate(p1, bigrams.get(pack(v, w)), contexts.get(v + (1L << 62)));
        double p3 = interpolate(p2, trigrams.get(pack(u, v, w)), contexts.get(pack(u, v) + (1L << 63)));
        return Math.log(p3);
    }

    private static double interpolate(double lower, Integer n, long[] context) {
        if (context == null) {
            return lower;
        }
        double c = n == null ? 0 : n;
        return (c + context[1] * lower) / (context[0] + context[1]);
    }

    private int intern(String s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = ids.size();
            ids.put(s, id);
            if (id >= unigram.length) {
                unigram = java.util.Arrays.copyOf(unigram, unigram.length * 2);
            }
        }
        return id;
    }

    private static void count(Map<Long, Integer> grams, Map<Long, long[]> contexts, long gram, long context) {
        int seen = grams.merge(gram, 1, Integer::sum);
        long[] c = contexts.computeIfAbsent(context, k -> new long[2]);
        c[0]++;
        if (seen == 1) {
            c[1]++;
        }
    }

    private static long pack(int a, int b) {
        return ((long) a << BITS) | b;
    }

    private static long pack(int a, int b, int c) {
        return ((((long) a << BITS) | b) << BITS) | c;
    }
}

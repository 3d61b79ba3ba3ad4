package vn.hoidap.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges question keys that differ only a little ("lam vneid o dau" / "lam vneid muc 2 o dau") into one
 * group: greedy, most asked first, by word-set Jaccard similarity against each group's first key. The
 * input is already grouped by exact key in SQL, so this sees at most a few hundred keys.
 */
final class NearDuplicates {

    static final double SIMILARITY = 0.6;
    private static final int EXAMPLES = 5;

    /** One exact key as counted by SQL; {@code total}: all questions of the range (carried along for the report). */
    record Key(String key, long count, String sample, String topic, Instant lastAskedAt, long total) {
    }

    private NearDuplicates() {
    }

    /** Groups in the order of the input's first occurrences (so "most asked first" input gives most asked groups). */
    static List<Reports.QuestionGroup> group(List<Key> keys) {
        List<Builder> groups = new ArrayList<>();
        for (Key k : keys) {
            Set<String> words = words(k.key());
            Builder home = null;
            for (Builder g : groups) {
                if (jaccard(g.words, words) >= SIMILARITY) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(new Builder(k, words));
            } else {
                home.add(k);
            }
        }
        return groups.stream().map(Builder::build).toList();
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static Set<String> words(String key) {
        return new HashSet<>(Arrays.asList(key.split(" ")));
    }

    private static final class Builder {
        private final Set<String> words;
        private final Key first;
        private long count;
        private int variants;
        private final List<String> examples = new ArrayList<>();
        private Instant last;

        Builder(Key k, Set<String> words) {
            this.words = words;
            this.first = k;
            add(k);
        }

        void add(Key k) {
            count += k.count();
            variants++;
            if (examples.size() < EXAMPLES && k.sample() != null && !examples.contains(k.sample())) {
                examples.add(k.sample());
            }
            if (last == null || k.lastAskedAt().isAfter(last)) {
                last = k.lastAskedAt();
            }
        }

        Reports.QuestionGroup build() {
            return new Reports.QuestionGroup(first.sample(), count, variants, List.copyOf(examples), first.topic(), last);
        }
    }
}

package vn.hoidap.assistant;

import java.util.List;

/** Whole-word phrase matching on a padded folded token string (" ai chu tri to chuc hoi nghi "). */
final class Phrases {

    private Phrases() {
    }

    /** " tok tok tok ": folded tokens of the text, joined by single spaces, padded on both sides. */
    static String padded(String text) {
        return " " + String.join(" ", ContentWords.tokens(text)) + " ";
    }

    static boolean any(String padded, List<String> phrases) {
        return first(padded, phrases) != null;
    }

    /**
     * The first phrase of the list (in list order) that occurs in {@code padded}. A long cue list is matched
     * through its {@link Index}: one pass over the message's words instead of a search per cue.
     */
    static String first(String padded, List<String> phrases) {
        if (phrases.size() >= Index.MIN_SIZE) {
            Index index = Index.of(phrases);
            if (index != null) {
                return index.first(padded);
            }
        }
        for (String p : phrases) {
            if (contains(padded, p)) {
                return p;
            }
        }
        return null;
    }

    /** A cue list's phrases by their first word, with their place in the list. */
    static final class Index {
        static final int MIN_SIZE = 6;
        /** Cue lists are the immutable lists of the cue files, a bounded number: beyond it, lists are not indexed. */
        private static final int MAX_INDEXED = 512;
        private static final java.util.Map<Key, Index> INDEXES = new java.util.concurrent.ConcurrentHashMap<>();

        private record Key(List<String> list) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.list == list;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(list);
            }
        }

        private record Cue(int order, String phrase) {
        }

        private final java.util.Map<String, List<Cue>> byFirst = new java.util.HashMap<>();

        private Index(List<String> phrases) {
            for (int i = 0; i < phrases.size(); i++) {
                String p = phrases.get(i);
                if (p.isEmpty()) {
                    continue;
                }
                int space = p.indexOf(' ');
                byFirst.computeIfAbsent(space < 0 ? p : p.substring(0, space), k -> new java.util.ArrayList<>())
                        .add(new Cue(i, p));
            }
        }

        /** The index of an immutable list (a mutable one may change under it: none), null beyond the bound. */
        static Index of(List<String> phrases) {
            Key key = new Key(phrases);
            Index index = INDEXES.get(key);
            if (index == null && INDEXES.size() < MAX_INDEXED && isImmutable(phrases)) {
                index = INDEXES.computeIfAbsent(key, k -> new Index(k.list()));
            }
            return index;
        }

        private static boolean isImmutable(List<String> phrases) {
            // List.of / List.copyOf / Stream.toList: the JDK's immutable lists, which cue files are read into
            return phrases.getClass().getName().startsWith("java.util.ImmutableCollections");
        }

        String first(String padded) {
            Words words = Words.of(padded);
            int best = Integer.MAX_VALUE;
            String found = null;
            int n = padded.length();
            for (int w = 0; w < words.words.length; w++) {
                List<Cue> cues = byFirst.get(words.words[w]);
                if (cues == null) {
                    continue;
                }
                int at = words.starts[w];
                for (Cue c : cues) {
                    int stop = at + c.phrase().length();
                    if (c.order() < best && stop < n && padded.startsWith(c.phrase(), at) && padded.charAt(stop) == ' ') {
                        best = c.order();
                        found = c.phrase();
                    }
                }
            }
            return found;
        }
    }

    /**
     * The words of a padded message and where each starts, split once per message: a reading matches some
     * twenty cue lists against the same padded string, which each thread keeps the split of.
     */
    private static final class Words {
        private static final ThreadLocal<Words> LAST = new ThreadLocal<>();
        final String padded;
        final String[] words;
        final int[] starts;

        private Words(String padded) {
            this.padded = padded;
            List<String> w = new java.util.ArrayList<>();
            List<Integer> s = new java.util.ArrayList<>();
            int n = padded.length();
            for (int at = 1; at < n; ) {
                int end = padded.indexOf(' ', at);
                if (end < 0) {
                    break;
                }
                if (end > at) {
                    w.add(padded.substring(at, end));
                    s.add(at);
                }
                at = end + 1;
            }
            this.words = w.toArray(String[]::new);
            this.starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        static Words of(String padded) {
            Words last = LAST.get();
            if (last != null && (last.padded == padded || last.padded.equals(padded))) {
                return last;
            }
            Words w = new Words(padded);
            LAST.set(w);
            return w;
        }
    }

    /**
     * Whether {@code phrase} occurs as whole words in {@code padded}: the same as {@code padded.contains(" " +
     * phrase + " ")} without building that string (this runs for every cue of every message).
     */
    static boolean contains(String padded, String phrase) {
        int n = phrase.length();
        if (n == 0) {
            return false;
        }
        for (int at = padded.indexOf(phrase, 1); at > 0; at = padded.indexOf(phrase, at + 1)) {
            int end = at + n;
            if (padded.charAt(at - 1) == ' ' && end < padded.length() && padded.charAt(end) == ' ') {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(String padded, List<String> phrases) {
        for (String p : phrases) {
            int end = p.length() + 1;
            if (!p.isEmpty() && end < padded.length() && padded.charAt(0) == ' ' && padded.startsWith(p, 1)
                    && padded.charAt(end) == ' ') {
                return true;
            }
        }
        return false;
    }

    static boolean endsWith(String padded, List<String> phrases) {
        for (String p : phrases) {
            int start = padded.length() - 1 - p.length();
            if (!p.isEmpty() && start > 0 && padded.charAt(padded.length() - 1) == ' ' && padded.startsWith(p, start)
                    && padded.charAt(start - 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}

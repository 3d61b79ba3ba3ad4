package vn.hoidap.search;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of phrases that name one thing in different words ("vinh danh" / "tôn vinh" / "biểu dương"), read
 * from {@code corpus/concepts.txt}. A text is reduced to the concepts it names once, when the index is built
 * (its units) or when a question is read (its words): a question then matches a unit that says the same thing
 * differently through one concept term, instead of growing by a clause per synonym.
 * <p>
 * Phrases are compared folded, as whole words; at each word the longest phrase that starts there wins, so
 * "người giỏi" is one concept and not also "giỏi".
 */
public final class Concepts {

    public static final Concepts NONE = new Concepts(List.of());
    /** The prefix of a concept's term in the index ("c12"): not a syllable of any text. */
    static final String TERM_PREFIX = "c";

    /** A phrase's folded words and the concept it names. */
    private record Phrase(String[] words, int concept) {
    }

    /** Phrases by their first word, longest first. */
    private final Map<String, List<Phrase>> byFirst;
    private final int size;
    private final List<List<String>> groups;

    Concepts(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
        Map<String, List<Phrase>> first = new HashMap<>();
        int id = 0;
        for (List<String> group : groups) {
            for (String phrase : group) {
                String[] words = tokens(phrase).toArray(String[]::new);
                if (words.length > 0) {
                    first.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, id));
                }
            }
            id++;
        }
        first.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt((Phrase p) -> -p.words().length)).toList());
        this.byFirst = Map.copyOf(first);
        this.size = id;
    }

    /**
     * The lexicon file: one concept a line, its phrases separated by "|", "#" starts a comment. A corpus
     * without the file has no concepts (every match is then by the words themselves).
     */
    public static Concepts load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            List<List<String>> groups = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (body.isEmpty()) {
                    continue;
                }
                List<String> phrases = Arrays.stream(body.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
                if (phrases.size() < 2) {
                    throw new CorpusException(file + ": a concept needs two phrases or more: " + body);
                }
                groups.add(phrases);
            }
            return new Concepts(groups);
        } catch (IOException e) {
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The same concepts with every phrase passed through {@code reduce} (the assistant drops question words
     * from both sides before matching, so "thu phí không dừng" must be found as "thu phí dừng"); the concept
     * numbers stay those of this lexicon.
     */
    public Concepts mapped(java.util.function.UnaryOperator<String> reduce) {
        if (groups.isEmpty()) {
            return this;
        }
        // a phrase cut down to one syllable ("trọng dụng" without "trọng", folded "dung") would match any
        // word that folds the same ("dựng"): it is left out, the other phrases of its concept stay
        return new Concepts(groups.stream().map(g -> g.stream().map(p -> {
            String r = reduce.apply(p);
            int before = tokens(p).size();
            int after = tokens(r).size();
            return after < before && after < 2 ? "" : r;
        }).toList()).toList());
    }

    /** How many concepts the lexicon has. */
    public int size() {
        return size;
    }

    /** Folded words of a text, split as the assistant splits them (punctuation dropped, "%" and "&" kept). */
    public static List<String> tokens(String text) {
        // a scan, not a regular expression: every unit's text goes through here once per index build
        String folded = Fold.fold(text == null ? "" : text);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length(); i++) {
            char ch = folded.charAt(i);
            boolean word = Character.isLetterOrDigit(ch) || ch == '%' || ch == '&';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(folded.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(folded.substring(start));
        }
        return out;
    }

    /**
     * Per word of {@code folded}, the concept of the phrase it is part of, or -1: the longest phrase starting
     * at a word is taken and the scan goes on after it.
     */
    public int[] marks(List<String> folded) {
        int[] marks = new int[folded.size()];
        Arrays.fill(marks, -1);
        if (byFirst.isEmpty()) {
            return marks;
        }
        for (int i = 0; i < folded.size(); ) {
            Phrase p = longestAt(folded, i);
            if (p == null) {
                i++;
                continue;
            }
            Arrays.fill(marks, i, i + p.words().length, p.concept());
            i += p.words().length;
        }
        return marks;
    }

    /** The concepts a text of folded words names. */
    public Set<Integer> in(List<String> folded) {
        Set<Integer> found = new LinkedHashSet<>();
        for (int m : marks(folded)) {
            if (m >= 0) {
                found.add(m);
            }
        }
        return found;
    }

    /** A concept's term in the index's concept field. */
    static String term(int concept) {
        return TERM_PREFIX + concept;
    }

    private Phrase longestAt(List<String> folded, int at) {
        List<Phrase> candidates = byFirst.get(folded.get(at));
        if (candidates == null) {
            return null;
        }
        for (Phrase p : candidates) {
            if (at + p.words().length <= folded.size() && matches(folded, at, p.words())) {
                return p;
            }
        }
        return null;
    }

    private static boolean matches(List<String> tokens, int at, String[] phrase) {
        for (int j = 0; j < phrase.length; j++) {
            if (!tokens.get(at + j).equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }
}

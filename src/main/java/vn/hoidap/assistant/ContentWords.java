package vn.hoidap.assistant;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a question into its subject words (folded) and measures how much of that subject a candidate text
 * covers. Coverage is what the assistant's confidence rests on: it is comparable across units and
 * questions, unlike raw Lucene scores.
 */
final class ContentWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}%&/]+");

    private final List<String> phrases;
    private final Set<String> words;

    ContentWords(List<String> entries) {
        List<String> multi = new ArrayList<>();
        Set<String> single = new HashSet<>();
        for (String e : entries) {
            String f = Fold.fold(e);
            if (f.isEmpty()) {
                continue;
            }
            if (f.contains(" ")) {
                multi.add(f);
            } else {
                single.add(f);
            }
        }
        multi.sort(Comparator.comparingInt(String::length).reversed());
        this.phrases = List.copyOf(multi);
        this.words = Set.copyOf(single);
    }

    static ContentWords load(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return new ContentWords(lines);
        } catch (IOException e) {
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** Folded tokens of any text (punctuation dropped, "%", "&", "/" kept inside tokens). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(Fold.fold(text))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The subject of a question: folded tokens without question and function words. */
    String content(String text) {
        String padded = " " + String.join(" ", tokens(text)) + " ";
        for (String p : phrases) {
            padded = padded.replace(" " + p + " ", " ");
        }
        List<String> kept = new ArrayList<>();
        for (String t : padded.strip().split(" ")) {
            if (!t.isEmpty() && !words.contains(t)) {
                kept.add(t);
            }
        }
        return String.join(" ", kept);
    }

    /** Removes the given folded phrases (entity mentions) from a folded text. */
    static String without(String folded, List<String> phrases) {
        String padded = " " + folded + " ";
        for (String p : phrases) {
            if (p != null && !p.isBlank()) {
                padded = padded.replace(" " + String.join(" ", tokens(p)) + " ", " ");
            }
        }
        return padded.strip().replaceAll("\\s+", " ");
    }

    /**
     * How much of {@code content} the candidate covers: the mean of unigram and bigram coverage, so word
     * order counts for something ("dich vu cong" beats scattered "dich", "vu", "cong").
     */
    static double coverage(String content, String candidate) {
        List<String> q = tokens(content);
        if (q.isEmpty()) {
            return 0;
        }
        List<String> c = tokens(candidate);
        Set<String> uni = new HashSet<>(c);
        Set<String> bi = new HashSet<>();
        for (int i = 0; i + 1 < c.size(); i++) {
            bi.add(c.get(i) + " " + c.get(i + 1));
        }
        Set<String> qs = new LinkedHashSet<>(q);
        long hitUni = qs.stream().filter(uni::contains).count();
        double uniCov = (double) hitUni / qs.size();
        if (q.size() < 2) {
            return uniCov;
        }
        Set<String> qb = new LinkedHashSet<>();
        for (int i = 0; i + 1 < q.size(); i++) {
            qb.add(q.get(i) + " " + q.get(i + 1));
        }
        long hitBi = qb.stream().filter(bi::contains).count();
        return 0.5 * uniCov + 0.5 * ((double) hitBi / qb.size());
    }
}

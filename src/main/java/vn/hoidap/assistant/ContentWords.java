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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a question into its subject words (folded) and measures how much of that subject a candidate text
 * covers. Coverage is what the assistant's confidence rests on: it is comparable across units and
 * questions, unlike raw Lucene scores.
 */
final class ContentWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}%&]+");

    private final List<String> phrases;
    /** The phrases' tokens by their first token: a question is matched only against phrases that can start at a word. */
    private final java.util.Map<String, List<String[]>> phrasesByFirst;
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
        java.util.Map<String, List<String[]>> byFirst = new java.util.HashMap<>();
        for (String p : phrases) {
            String[] pt = p.split(" ");
            byFirst.computeIfAbsent(pt[0], k -> new ArrayList<>()).add(pt);
        }
        byFirst.replaceAll((k, v) -> List.copyOf(v));
        this.phrasesByFirst = java.util.Map.copyOf(byFirst);
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

    /** Folded tokens of any text (punctuation dropped, "%" and "&" kept inside tokens; "STEM/STEAM" is two words). */
    static List<String> tokens(String text) {
        return split(Fold.fold(text));
    }

    /** Lower-case tokens with their diacritics (NFC), for matching what people typed with accents. */
    static List<String> accentedTokens(String text) {
        return split(Fold.nfc(text).toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(s)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The subject of a question: its tokens without question and function words, lower-case, diacritics kept
     * as typed (so "ký" is not "kỹ" when the person wrote the accents).
     */
    String content(String text) {
        List<String> accented = accentedTokens(text);
        List<String> folded = new ArrayList<>(accented.size());
        for (String a : accented) {
            folded.add(Fold.fold(a));
        }
        boolean[] drop = new boolean[accented.size()];
        // every occurrence of every phrase is dropped (they may overlap), so which phrase is tried first
        // does not matter: each position is tried only against the phrases that begin with its word
        for (int i = 0; i < folded.size(); i++) {
            List<String[]> starting = phrasesByFirst.get(folded.get(i));
            if (starting == null) {
                continue;
            }
            for (String[] pt : starting) {
                if (i + pt.length <= folded.size() && matches(folded, i, pt)) {
                    for (int j = 0; j < pt.length; j++) {
                        drop[i + j] = true;
                    }
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < accented.size(); i++) {
            if (!drop[i] && !words.contains(folded.get(i))) {
                kept.add(accented.get(i));
            }
        }
        return String.join(" ", kept);
    }

    private static boolean matches(List<String> tokens, int at, String[] phrase) {
        for (int j = 0; j < phrase.length; j++) {
            if (!tokens.get(at + j).equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a folded word only shapes questions ("nao", "gi", "la"), never their subject. */
    boolean isQuestionWord(String folded) {
        return words.contains(folded);
    }

    /** Removes the given phrases (entity mentions, compared folded) from a content string. */
    static String without(String content, List<String> phrases) {
        List<String> tokens = new ArrayList<>(List.of(content.isBlank() ? new String[0] : content.split(" ")));
        for (String p : phrases) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String[] pt = tokens(p).toArray(String[]::new);
            List<String> folded = tokens.stream().map(Fold::fold).toList();
            for (int i = 0; i + pt.length <= folded.size(); i++) {
                if (pt.length > 0 && matches(folded, i, pt)) {
                    for (int j = 0; j < pt.length; j++) {
                        tokens.remove(i);
                    }
                    break;
                }
            }
        }
        return String.join(" ", tokens);
    }
}

package vn.hoidap.assistant;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A phrase list of the form {@code FORM | FORM => replacement # note} (corpus/assistant/english.txt,
 * shorthand.txt), indexed by the phrases' first word so a message is matched in one pass over its words.
 * The replacement is empty for phrases that are dropped.
 */
final class Lexicon {

    /** One phrase: its words (as the key folds them) and what replaces it. */
    record Entry(String[] words, String replacement) {
    }

    /** Entries by their first word, longest phrase first. */
    private final Map<String, List<Entry>> byFirst;

    private final int longestFirstWord;

    private Lexicon(Map<String, List<Entry>> byFirst) {
        this.byFirst = byFirst;
        this.longestFirstWord = byFirst.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The length of the longest first word: a longer word starts no phrase (its key need not be built). */
    int longestFirstWord() {
        return longestFirstWord;
    }

    static final Lexicon EMPTY = new Lexicon(Map.of());

    /**
     * Reads the file; {@code key} turns a form into the word form it is matched on (folded for English,
     * lower case with diacritics for shorthand, where "à" is not "a").
     */
    static Lexicon load(Path file, java.util.function.UnaryOperator<String> key) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            Map<String, List<Entry>> byFirst = new HashMap<>();
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
                int arrow = line.indexOf("=>");
                if (line.isBlank() || arrow < 0) {
                    continue;
                }
                String replacement = line.substring(arrow + 2).strip();
                for (String form : line.substring(0, arrow).split("\\|")) {
                    List<String> words = MessageNormaliser.words(key.apply(form.strip()));
                    if (!words.isEmpty()) {
                        byFirst.computeIfAbsent(words.get(0), k -> new ArrayList<>())
                                .add(new Entry(words.toArray(String[]::new), replacement));
                    }
                }
            }
            byFirst.values().forEach(l -> l.sort((a, b) -> b.words().length - a.words().length));
            byFirst.replaceAll((k, v) -> List.copyOf(v));
            return new Lexicon(Map.copyOf(byFirst));
        } catch (IOException e) {
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    static Lexicon folded(Path file) {
        return load(file, Fold::fold);
    }

    static Lexicon accented(Path file) {
        return load(file, s -> Fold.nfc(s).toLowerCase(java.util.Locale.ROOT));
    }

    /** The longest entry whose words start at {@code at} in {@code keys}, or null. */
    Entry at(List<String> keys, int at) {
        List<Entry> candidates = byFirst.get(keys.get(at));
        if (candidates == null) {
            return null;
        }
        for (Entry e : candidates) {
            if (at + e.words().length <= keys.size() && matches(keys, at, e.words())) {
                return e;
            }
        }
        return null;
    }

    private static boolean matches(List<String> keys, int at, String[] words) {
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals(keys.get(at + i))) {
                return false;
            }
        }
        return true;
    }
}

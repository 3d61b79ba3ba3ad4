package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.text.Fold;
import vn.hoidap.text.Syllables;
import vn.hoidap.text.analysis.Telex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a message as people type it into the Vietnamese the rest of the reading understands, in one pass
 * over its words: English terms and loanwords into the plans' words (corpus/assistant/english.txt), chat
 * shorthand expanded (shorthand.txt), and phone typing repaired against the corpus vocabulary — a word the
 * corpus never uses is replaced when its de-doubled form ("vậyy" → "vậy"), its Telex reading ("chur" →
 * "chủ") or its split into known syllables ("kehoach" → "ke hoach") is a word the corpus uses, and a plan
 * number glued to its word ("KH308") is split. Words the corpus uses are never touched.
 */
@Singleton
final class MessageNormaliser {

    private static final int MAX_SPLIT = 4;

    private final Knowledge knowledge;
    private final Lexicon english;
    private final Lexicon shorthand;

    @jakarta.inject.Inject
    MessageNormaliser(CorpusConfig corpus, Knowledge knowledge) {
        this(knowledge, Lexicon.folded(Path.of(corpus.dir(), "assistant", "english.txt")),
                Lexicon.accented(Path.of(corpus.dir(), "assistant", "shorthand.txt")));
    }

    MessageNormaliser(Knowledge knowledge, Lexicon english, Lexicon shorthand) {
        this.knowledge = knowledge;
        this.english = english;
        this.shorthand = shorthand;
    }

    /** Every folded word of the plans, FAQ entries, agencies and provinces of the generation now read. */
    Set<String> vocabulary() {
        return knowledge.derived("assistant.vocabulary", k -> {
            Set<String> words = new HashSet<>();
            for (Plan p : k.plans()) {
                words.addAll(ContentWords.tokens(p.text()));
            }
            for (FaqEntry f : k.faqs()) {
                words.addAll(ContentWords.tokens(f.question()));
                f.alternates().forEach(a -> words.addAll(ContentWords.tokens(a)));
                words.addAll(ContentWords.tokens(f.answer()));
            }
            for (Agency a : k.agencies().all()) {
                words.addAll(ContentWords.tokens(a.name()));
                a.variants().forEach(v -> words.addAll(ContentWords.tokens(v)));
                a.abbreviations().forEach(v -> words.addAll(ContentWords.tokens(v)));
            }
            k.provinces().all().forEach(p -> words.addAll(ContentWords.tokens(p.name())));
            // a HashSet, not Set.copyOf: looked up for every word of every message, misses included
            return java.util.Collections.unmodifiableSet(words);
        });
    }

    /** The words of {@link #vocabulary} that are Vietnamese syllables in shape ("chu", "hoach"; not "kpi"). */
    Set<String> syllables() {
        return knowledge.derived("assistant.vocabulary-syllables",
                k -> java.util.Collections.unmodifiableSet(new HashSet<>(vocabulary().stream().filter(Syllables::isValid).toList())));
    }

    /** A word of a message: what surrounds it ("(", "?"), and the word itself. */
    private record Word(String lead, String core, String trail) {
        Word with(String c) {
            return new Word(lead, c, trail);
        }
    }

    String normalise(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        text = Fold.nfc(text);
        List<Word> words = split(text);
        if (words.isEmpty()) {
            return text;
        }
        Set<String> vocabulary = vocabulary();
        Set<String> syllables = syllables();
        words = unglued(words);
        words = replaced(words, shorthand, w -> w.length() > shorthand.longestFirstWord() ? "" : w.toLowerCase(Locale.ROOT));
        boolean englishMessage = isEnglish(words, syllables);
        words = replacedEnglish(words, englishMessage);
        if (!englishMessage) {
            words = repaired(words, vocabulary, syllables);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Word w : words) {
            String piece = w.lead() + w.core() + w.trail();
            if (!piece.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(piece);
            }
        }
        return out.toString();
    }

    /** Whitespace-separated words of {@code s}, without the punctuation around them (for lexicon keys). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (Word w : split(s)) {
            if (!w.core().isEmpty()) {
                out.add(w.core());
            }
        }
        return out;
    }

    private static List<Word> split(String text) {
        List<Word> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            int a = start;
            int b = i;
            while (a < b && !isWordChar(text.charAt(a))) {
                a++;
            }
            while (b > a && !isWordChar(text.charAt(b - 1))) {
                b--;
            }
            out.add(new Word(text.substring(start, a), text.substring(a, b), text.substring(b, i)));
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '%' || c == '&';
    }

    /** "KH308", "kh617": a word glued to a number of two digits or more is two words. */
    private static List<Word> unglued(List<Word> words) {
        List<Word> out = null;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String c = w.core();
            int letters = 0;
            while (letters < c.length() && Character.isLetter(c.charAt(letters))) {
                letters++;
            }
            int digits = letters;
            while (digits < c.length() && Character.isDigit(c.charAt(digits))) {
                digits++;
            }
            boolean glued = letters >= 2 && digits - letters >= 2 && digits == c.length();
            if (glued && out == null) {
                out = new ArrayList<>(words.subList(0, i));
            }
            if (glued) {
                out.add(new Word(w.lead(), c.substring(0, letters), ""));
                out.add(new Word("", c.substring(letters), w.trail()));
            } else if (out != null) {
                out.add(w);
            }
        }
        return out == null ? words : out;
    }

    /** Replaces the lexicon's phrases, whatever the words are. */
    private static List<Word> replaced(List<Word> words, Lexicon lexicon, java.util.function.UnaryOperator<String> key) {
        return replaced(words, lexicon, key, e -> true);
    }

    /** As above; an entry found is used only when {@code accept} takes it (else the words stay as typed). */
    private static List<Word> replaced(List<Word> words, Lexicon lexicon, java.util.function.UnaryOperator<String> key,
                                       java.util.function.Predicate<Lexicon.Entry> accept) {
        List<String> keys = new ArrayList<>(words.size());
        words.forEach(w -> keys.add(key.apply(w.core())));
        List<Word> out = null;
        for (int i = 0; i < words.size(); i++) {
            Lexicon.Entry e = keys.get(i).isEmpty() ? null : lexicon.at(keys, i);
            if (e != null && !accept.test(e)) {
                e = null;
            }
            if (e == null) {
                if (out != null) {
                    out.add(words.get(i));
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(words.subList(0, i));
            }
            int last = i + e.words().length - 1;
            out.add(new Word(words.get(i).lead(), e.replacement(), words.get(last).trail()));
            i = last;
        }
        return out == null ? words : out;
    }

    /**
     * English phrases: translated when one of their words cannot be a Vietnamese syllable, or when the
     * message is English as a whole (then "do", "to", "in" are English too). Words typed with Vietnamese
     * diacritics are never English.
     */
    private List<Word> replacedEnglish(List<Word> words, boolean englishMessage) {
        return replaced(words, english, w -> {
            String lower = w.toLowerCase(Locale.ROOT);
            return isAscii(lower) ? lower : "";
        }, e -> englishMessage || hasNonSyllable(e.words()));
    }

    private static boolean hasNonSyllable(String[] words) {
        for (String w : words) {
            if (w.chars().anyMatch(Character::isLetter) && !Syllables.isValid(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether most of the message's words are English: plain ASCII words that are neither Vietnamese
     * syllables the corpus uses nor abbreviations in capitals.
     */
    private static boolean isEnglish(List<Word> words, Set<String> syllables) {
        int letters = 0;
        int englishLike = 0;
        for (Word w : words) {
            String c = w.core();
            if (c.isEmpty() || !Character.isLetter(c.charAt(0))) {
                continue;
            }
            letters++;
            String lower = c.toLowerCase(Locale.ROOT);
            if (!isAscii(lower)) {
                continue;
            }
            boolean abbreviation = c.length() > 1 && c.equals(c.toUpperCase(Locale.ROOT));
            if (!abbreviation && !syllables.contains(lower)) {
                englishLike++;
            }
        }
        return letters >= 3 && englishLike * 2 > letters;
    }

    /** Phone typing: a word the corpus never uses, replaced by the first repair that the corpus does use. */
    private static List<Word> repaired(List<Word> words, Set<String> vocabulary, Set<String> syllables) {
        List<Word> out = new ArrayList<>(words.size());
        for (Word w : words) {
            String c = w.core();
            if (c.length() < 2 || !Character.isLetter(c.charAt(0)) || vocabulary.contains(Fold.fold(c))) {
                out.add(w);
                continue;
            }
            String fixed = undoubled(c, vocabulary);
            if (fixed == null) {
                fixed = telex(c, vocabulary);
            }
            if (fixed == null) {
                fixed = unsplit(c, syllables);
            }
            out.add(fixed == null ? w : w.with(fixed));
        }
        return out;
    }

    /** "vậyy" → "vậy", "kýy" → "ký", "Phướcc" → "Phước": one letter typed twice (the plain one goes). */
    static String undoubled(String word, Set<String> vocabulary) {
        for (int i = 0; i + 1 < word.length(); i++) {
            char a = word.charAt(i);
            char b = word.charAt(i + 1);
            if (!Character.isLetter(a) || !Fold.fold(String.valueOf(a)).equals(Fold.fold(String.valueOf(b)))) {
                continue;
            }
            // keep the letter that carries the diacritic
            int drop = Fold.hasDiacritics(String.valueOf(b)) && !Fold.hasDiacritics(String.valueOf(a)) ? i : i + 1;
            String candidate = word.substring(0, drop) + word.substring(drop + 1);
            if (vocabulary.contains(Fold.fold(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** "chur" → "chủ", "ddooir" → "đổi": Telex keys left in a word typed without an input method. */
    private static String telex(String word, Set<String> vocabulary) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!isAscii(lower) || lower.chars().anyMatch(ch -> !Character.isLetter(ch))) {
            return null;
        }
        String converted = Telex.convert(lower);
        if (converted == null || converted.equals(lower) || !vocabulary.contains(Fold.fold(converted))) {
            return null;
        }
        return Character.isUpperCase(word.charAt(0))
                ? Character.toUpperCase(converted.charAt(0)) + converted.substring(1) : converted;
    }

    /** "kehoach" → "ke hoach": a lower-case run of syllables the corpus uses, typed without spaces. */
    private static String unsplit(String word, Set<String> syllables) {
        if (word.length() < 4 || !word.equals(word.toLowerCase(Locale.ROOT))) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        return split(Fold.fold(word), 0, syllables, pieces) && pieces.size() > 1 ? String.join(" ", pieces) : null;
    }

    private static boolean split(String s, int from, Set<String> syllables, List<String> pieces) {
        if (from == s.length()) {
            return true;
        }
        if (pieces.size() == MAX_SPLIT) {
            return false;
        }
        // longest syllable first: "thanh hoa", not "than h…"
        for (int to = Math.min(s.length(), from + 7); to > from; to--) {
            String piece = s.substring(from, to);
            if (syllables.contains(piece)) {
                pieces.add(piece);
                if (split(s, to, syllables, pieces)) {
                    return true;
                }
                pieces.remove(pieces.size() - 1);
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}

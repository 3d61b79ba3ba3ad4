package vn.hoidap.text.restore;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Restores diacritics and undoes common OCR confusions in Vietnamese text ("Pon vi chu tri thuc hién: S&
 * Thong tin va Truyén thong" → "Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông").
 *
 * <p>A noisy-channel decoder: candidates for each syllable come from the syllables of the clean training
 * texts whose folded form is the folded OCR form or close to it; a syllable trigram model learned from the
 * same texts scores sequences; an OCR channel learned from aligned OCR/clean samples ({@link
 * Builder#ocrSample}) scores how likely each candidate was to be printed as what OCR read. A beam search
 * picks the best sequence per clause. Tokens with no good candidate (numbers, abbreviations, unknown
 * words) are kept as written; document numbers get their parts fixed ("146/QD-TTg" → "146/QĐ-TTg") from
 * how the clean texts spell them. Line breaks, spacing and punctuation are kept.
 *
 * <p>Immutable after {@link Builder#build()} and safe to share between threads.
 */
public final class DiacriticRestorer {

    /** Weight of the OCR channel against the language model. */
    private static final double CHANNEL_WEIGHT = 1.0;
    /** Cost of leaving a word as OCR wrote it when it is not a known syllable. */
    private static final double KEEP_UNKNOWN = 7.0;
    /** Cost of reading a bare look-alike digit group ("50", "6") as the number it shows. */
    private static final double KEEP_NUMBER = 2.0;
    private static final int CANDIDATES = 8;
    private static final double MAX_COST_GAP = 10.0;
    private static final int BEAM = 8;
    private static final int CACHE_LIMIT = 100_000;
    private static final Comparator<State> BY_SCORE = Comparator.comparingDouble(State::score).reversed();

    private final SyllableModel model;
    private final CandidateIndex index;
    private final OcrChannel channel;
    private final Map<String, String> compoundParts;
    private final Map<String, List<Option>> cache = new ConcurrentHashMap<>();

    private DiacriticRestorer(SyllableModel model, CandidateIndex index, OcrChannel channel,
                              Map<String, String> compoundParts) {
        this.model = model;
        this.index = index;
        this.channel = channel;
        this.compoundParts = compoundParts;
    }

    /** A restorer that knows the given clean texts and only generic OCR confusions (no sample to learn from). */
    public static DiacriticRestorer train(List<String> cleanTexts) {
        return builder().cleanTexts(cleanTexts).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Restores a whole text; the language model context runs across line breaks inside a clause. The output
     * is the input in NFC with restored words; everything between words is copied.
     */
    public String restore(String ocrText) {
        if (ocrText == null || ocrText.isEmpty()) {
            return "";
        }
        List<Piece> pieces = Pieces.split(ocrText);
        List<String> out = restorePieces(pieces);
        StringBuilder sb = new StringBuilder(ocrText.length() + 16);
        out.forEach(sb::append);
        return sb.toString();
    }

    /** Restores one line on its own (no context from neighbouring lines). */
    public String restoreLine(String line) {
        return restore(line);
    }

    /** The restored text split into lines, one per line of the input: for showing each beside the original. */
    public List<String> restoreLines(String text) {
        return restore(text).lines().toList();
    }

    /** Number of distinct clean syllables (and other tokens) the model knows. */
    public int vocabularySize() {
        return model.vocabularySize();
    }

    /** One output string per piece, in order; gaps unchanged. */
    List<String> restorePieces(List<Piece> pieces) {
        List<String> out = new ArrayList<>(pieces.size());
        List<List<Integer>> clauses = new ArrayList<>();
        List<Integer> clause = new ArrayList<>();
        int tokens = 0;
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            out.add(p.text());
            if (p.isToken()) {
                clause.add(k);
                tokens++;
            } else if (p.isSentenceBreak() && !clause.isEmpty()) {
                clauses.add(clause);
                clause = new ArrayList<>();
            }
        }
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
        // Clauses are decoded independently (the model's context stops at a sentence break) and each writes
        // only its own positions, so a whole plan's clauses are decoded on all cores with the same result.
        decodeAll(pieces, clauses, out, tokens >= PARALLEL_TOKENS);
        return out;
    }

    void decodeAll(List<Piece> pieces, List<List<Integer>> clauses, List<String> out, boolean parallel) {
        if (parallel) {
            clauses.parallelStream().forEach(c -> decode(pieces, c, out));
        } else {
            clauses.forEach(c -> decode(pieces, c, out));
        }
    }

    /** Restores on the calling thread alone, clause after clause: what the parallel decoding must equal. */
    String restoreSerially(String ocrText) {
        List<Piece> pieces = Pieces.split(ocrText);
        List<String> out = new ArrayList<>(pieces.size());
        List<List<Integer>> clauses = new ArrayList<>();
        List<Integer> clause = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            out.add(pieces.get(k).text());
            if (pieces.get(k).isToken()) {
                clause.add(k);
            } else if (pieces.get(k).isSentenceBreak() && !clause.isEmpty()) {
                clauses.add(clause);
                clause = new ArrayList<>();
            }
        }
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
        decodeAll(pieces, clauses, out, false);
        return String.join("", out);
    }

    /** Below this many words a text is decoded on the calling thread alone (a line, a question). */
    private static final int PARALLEL_TOKENS = 2_000;

    private record Option(int id, double cost, String form, boolean keep) {
    }

    private record State(int u, int v, double score, State parent, Option option) {
    }

    private void decode(List<Piece> pieces, List<Integer> clause, List<String> out) {
        if (clause.isEmpty()) {
            return;
        }
        List<State> beam = List.of(new State(SyllableModel.START, SyllableModel.START, 0, null, null));
        Map<Long, State> next = new HashMap<>();
        for (int position : clause) {
            List<Option> options = options(pieces.get(position));
            next.clear();
            for (State s : beam) {
                for (Option o : options) {
                    double score = s.score() + model.logProb(s.u(), s.v(), o.id()) - CHANNEL_WEIGHT * o.cost();
                    long key = ((long) s.v() << 32) | o.id();
                    State old = next.get(key);
                    if (old == null || old.score() < score) {
                        next.put(key, new State(s.v(), o.id(), score, s, o));
                    }
                }
            }
            List<State> states = new ArrayList<>(next.values());
            if (states.size() > BEAM) {
                states.sort(BY_SCORE);
                states = states.subList(0, BEAM);
            }
            beam = states;
        }
        State s = beam.stream().max(Comparator.comparingDouble(State::score)).orElseThrow();
        for (int k = clause.size() - 1; k >= 0; k--) {
            int position = clause.get(k);
            Option o = s.option();
            Piece written = pieces.get(position);
            out.set(position, o.keep() ? written.text()
                    : written.kind() == Piece.Kind.COMPOUND ? o.form() : matchCase(written.text(), o.form()));
            s = s.parent();
        }
    }

    private List<Option> options(Piece p) {
        return switch (p.kind()) {
            case NUMBER -> List.of(new Option(model.id("<num>"), 0, p.text(), true));
            case COMPOUND -> {
                String fixed = fixCompound(p.text());
                yield List.of(new Option(model.id(fixed.toLowerCase(Locale.ROOT)), 0, fixed, false));
            }
            case WORD -> Pieces.isAbbreviation(p.text())
                    ? List.of(abbreviation(p.text()))
                    : wordOptionsCached(Pieces.withoutApostrophes(p.text()).toLowerCase(Locale.ROOT));
            case GAP -> throw new IllegalArgumentException("a gap has no options");
        };
    }

    /** "QD" → "QĐ" when the clean texts write it so; other abbreviations as written. */
    private Option abbreviation(String written) {
        String spelled = compoundParts.getOrDefault(Fold.fold(written), written);
        return new Option(model.id(spelled.toLowerCase(Locale.ROOT)), 0, spelled, false);
    }

    /** Candidates depend only on the written word; the cache is bounded so arbitrary input cannot grow it forever. */
    private List<Option> wordOptionsCached(String lower) {
        List<Option> options = cache.get(lower);
        if (options == null) {
            options = wordOptions(lower);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(lower, options);
            }
        }
        return options;
    }

    private List<Option> wordOptions(String lower) {
        List<Option> options = new ArrayList<>();
        for (String form : index.near(lower)) {
            options.add(new Option(model.id(form), channel.cost(lower, form), form, false));
        }
        // Rank by channel cost with a light frequency prior, so that rare look-alikes give way to common syllables.
        options.sort(Comparator.comparingDouble(o -> o.cost() - 0.3 * Math.log(model.count(o.id()) + 1)));
        List<Option> kept = new ArrayList<>();
        for (Option o : options) {
            // A candidate this much less likely to be what OCR read than the best one never wins on context alone.
            if (kept.size() < CANDIDATES && o.cost() <= options.get(0).cost() + MAX_COST_GAP) {
                kept.add(o);
            }
        }
        boolean digits = lower.chars().allMatch(Character::isDigit);
        if (digits) {
            kept.add(new Option(model.id("<num>"), KEEP_NUMBER, lower, true));
        } else if (!model.knows(lower)) {
            kept.add(new Option(SyllableModel.UNKNOWN, KEEP_UNKNOWN, lower, true));
        }
        return List.copyOf(kept);
    }

    /** "QD" → "QĐ" inside "146/QD-TTg": each letter part takes the spelling the clean texts use for it. */
    private String fixCompound(String text) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < text.length()) {
            int end = k;
            boolean word = Character.isLetterOrDigit(text.charAt(k));
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) == word) {
                end++;
            }
            String part = text.substring(k, end);
            sb.append(word ? compoundParts.getOrDefault(Fold.fold(part), part) : part);
            k = end;
        }
        return sb.toString();
    }

    /** Gives the restored syllable the case OCR saw: "Pon" → "Đơn", "MUC" → "MỤC", "thyc" → "thực". */
    static String matchCase(String written, String form) {
        int upper = 0;
        int lower = 0;
        for (int k = 0; k < written.length(); k++) {
            char c = written.charAt(k);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (upper >= 2 && lower == 0) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(written.charAt(0))) {
            return form.substring(0, 1).toUpperCase(Locale.ROOT) + form.substring(1);
        }
        return form;
    }

    /** Collects training material; {@link #build()} learns from it. */
    public static final class Builder {

        private final List<String> cleanTexts = new ArrayList<>();
        private final List<SyllablePair> pairs = new ArrayList<>();

        private Builder() {
        }

        /** A text with correct diacritics: its syllables become candidates and feed the language model. */
        public Builder cleanText(String text) {
            cleanTexts.add(text);
            return this;
        }

        public Builder cleanTexts(Collection<String> texts) {
            cleanTexts.addAll(texts);
            return this;
        }

        /**
         * An OCR'd document and a clean version of it (e.g. the issued Đồng Nai plan and its draft): where
         * their sentences match, the aligned syllables teach the OCR channel. The clean text is not added to
         * the language model; pass it to {@link #cleanText} as well if it should be.
         */
        public Builder ocrSample(String ocrText, String cleanText) {
            pairs.addAll(AlignedSample.of(ocrText, cleanText).pairs());
            return this;
        }

        Builder ocrPairs(Collection<SyllablePair> samplePairs) {
            pairs.addAll(samplePairs);
            return this;
        }

        /** "MMỤỤCC" (a bold PDF heading extracted twice) counts as "MỤC" in the training texts. */
        private static Piece undoubled(Piece p) {
            String t = p.text();
            if (p.kind() != Piece.Kind.WORD || t.length() < 4 || t.length() % 2 != 0) {
                return p;
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < t.length(); k += 2) {
                if (t.charAt(k) != t.charAt(k + 1)) {
                    return p;
                }
                sb.append(t.charAt(k));
            }
            return new Piece(sb.toString(), p.kind());
        }

        public DiacriticRestorer build() {
            SyllableModel model = new SyllableModel();
            Map<String, Integer> syllables = new HashMap<>();
            Map<String, Map<String, Integer>> parts = new HashMap<>();
            for (String text : cleanTexts) {
                List<String> clause = new ArrayList<>();
                for (Piece piece : Pieces.split(text)) {
                    Piece p = undoubled(piece);
                    if (p.isToken()) {
                        clause.add(Pieces.lmForm(p));
                        if (Pieces.isAbbreviation(p.text())) {
                            parts.computeIfAbsent(Fold.fold(p.text()), k -> new HashMap<>()).merge(p.text(), 1, Integer::sum);
                        } else if (p.kind() == Piece.Kind.WORD && p.text().chars().anyMatch(Character::isLetter)) {
                            syllables.merge(p.text().toLowerCase(Locale.ROOT), 1, Integer::sum);
                        } else if (p.kind() == Piece.Kind.COMPOUND) {
                            for (String part : p.text().split("[^\\p{L}\\p{N}]+")) {
                                if (part.chars().anyMatch(Character::isLetter)) {
                                    parts.computeIfAbsent(Fold.fold(part), k -> new HashMap<>()).merge(part, 1, Integer::sum);
                                }
                            }
                        }
                    } else if (p.isSentenceBreak() && !clause.isEmpty()) {
                        model.addSentence(clause);
                        clause = new ArrayList<>();
                    }
                }
                if (!clause.isEmpty()) {
                    model.addSentence(clause);
                }
            }
            Map<String, String> compoundParts = new HashMap<>();
            parts.forEach((key, spellings) -> compoundParts.put(key, spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey()));
            OcrChannel channel = pairs.isEmpty() ? OcrChannel.flat() : OcrChannel.learn(pairs);
            return new DiacriticRestorer(model, new CandidateIndex(syllables), channel, Map.copyOf(compoundParts));
        }
    }
}

package vn.hoidap.assistant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.search.Concepts;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a question's subject a candidate text covers, in [0, 1]: half from its words weighted by
 * rarity in the corpus (so "lừa đảo" counts for more than "dịch vụ", and a word the corpus never uses —
 * "giá vàng" — drags the figure down), half from its word pairs (so word order counts). Words typed with
 * diacritics must match with them ("ký" is not "kỹ"). This figure is the assistant's confidence.
 * <p>
 * A candidate's words and pairs ({@link Features}) are computed once per unit text and kept (units are
 * the corpus's, so the cache is bounded by the corpus); per question only the question's own words are
 * tokenised, and matching is set look-ups.
 */
final class Coverage {

    /** A candidate's words and word pairs, with and without diacritics, after the question words are removed. */
    record Features(Set<String> accented, Set<String> folded, Set<String> pairsAccented, Set<String> pairsFolded,
                    boolean money, boolean percent, String foldedText, Set<Integer> concepts) {
        static final Features EMPTY = new Features(Set.of(), Set.of(), Set.of(), Set.of(), false, false, " ", Set.of());

        /** Whether the folded phrase ("xu ly vi pham") occurs as whole words, in order. */
        boolean hasPhrase(String phrase) {
            return foldedText.contains(" " + phrase + " ");
        }
    }

    /** A question's subject words with their weights, and its word pairs; built once per question. */
    record Query(List<String> words, String[] foldedWords, boolean[] accentedWords, double[] weights, double total,
                 List<String> pairs, String[] foldedPairs, boolean[] accentedPairs, int[] wordConcepts,
                 int[] pairConcepts) {
        boolean isEmpty() {
            return words.isEmpty();
        }
    }

    private static final int MAX_CACHED = 200_000;

    private final Map<String, Double> weights;
    private final double unknownWeight;
    private final ContentWords questionWords;
    /** Folded money units ("ty", "trieu", "dong"): a figure followed by one is a sum of money. */
    private final Set<String> moneyUnits;
    private final Cache<String, Features> features = Caffeine.newBuilder().maximumSize(MAX_CACHED)
            .executor(Runnable::run).build();
    private final Cache<String, Query> phrasings = Caffeine.newBuilder().maximumSize(MAX_CACHED)
            .executor(Runnable::run).build();

    /** Phrases that name one thing in other words: a word of the question is covered by its concept too. */
    private final Concepts concepts;

    Coverage(Map<String, Double> weights, double unknownWeight, ContentWords questionWords, Set<String> moneyUnits) {
        this(weights, unknownWeight, questionWords, moneyUnits, Concepts.NONE);
    }

    Coverage(Map<String, Double> weights, double unknownWeight, ContentWords questionWords, Set<String> moneyUnits,
             Concepts concepts) {
        // both sides are matched without their question words: so are the phrases
        this.concepts = concepts.mapped(questionWords::content);
        this.moneyUnits = Set.copyOf(moneyUnits);
        this.weights = weights;
        this.unknownWeight = unknownWeight;
        this.questionWords = questionWords;
    }

    /** Inverse document frequency of folded words over the corpus's paragraphs, tasks and FAQs. */
    static Coverage of(Knowledge knowledge, ContentWords questionWords, Set<String> moneyUnits) {
        return of(knowledge, questionWords, moneyUnits, Concepts.NONE);
    }

    /** As above, with the concept lexicon the index was built with. */
    static Coverage of(Knowledge knowledge, ContentWords questionWords, Set<String> moneyUnits, Concepts concepts) {
        Map<String, Integer> df = new HashMap<>();
        int n = 0;
        for (Plan p : knowledge.plans()) {
            for (String para : p.text().split("\\n")) {
                if (!para.isBlank()) {
                    count(df, para);
                    n++;
                }
            }
            for (Task t : p.tasks()) {
                count(df, t.title() + " " + (t.description() == null ? "" : t.description()));
                n++;
            }
        }
        for (FaqEntry f : knowledge.faqs()) {
            count(df, f.question() + " " + String.join(" ", f.alternates()) + " " + f.answer());
            n++;
        }
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            weights.put(e.getKey(), Math.log(1.0 + (double) n / e.getValue()));
        }
        return new Coverage(Map.copyOf(weights), Math.log(1.0 + n), questionWords, moneyUnits, concepts);
    }

    private static void count(Map<String, Integer> df, String text) {
        for (String t : new HashSet<>(ContentWords.tokens(text))) {
            df.merge(t, 1, Integer::sum);
        }
    }

    /** A folded word's weight (its rarity over the corpus's paragraphs, tasks and FAQs). */
    double weight(String folded) {
        return weights.getOrDefault(folded, unknownWeight);
    }

    /** The features of a corpus text, computed on first use and kept. */
    Features features(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Features.EMPTY;
        }
        return features.get(candidate, this::compute);
    }

    /** The features of a text that is not the corpus's (the question itself): computed, never kept. */
    Features transientFeatures(String text) {
        return text == null || text.isEmpty() ? Features.EMPTY : compute(text);
    }

    private Features compute(String candidate) {
        // The candidate loses the same function words as the question, so "lừa đảo trên mạng" pairs as
        // "đảo mạng" on both sides.
        List<String> accented = ContentWords.accentedTokens(questionWords.content(candidate));
        List<String> folded = accented.stream().map(Fold::fold).toList();
        boolean money = false;
        for (int i = 0; i + 1 < folded.size() && !money; i++) {
            String t = folded.get(i);
            money = !t.isEmpty() && Character.isDigit(t.charAt(0)) && moneyUnits.contains(folded.get(i + 1));
        }
        Set<String> foldedPairs = Set.copyOf(pairs(folded));
        boolean percent = foldedPairs.contains("phan tram");
        for (int i = 0; i < folded.size() && !percent; i++) {
            percent = folded.get(i).indexOf('%') >= 0;
        }
        Set<Integer> named = concepts.size() == 0 ? Set.of() : Set.copyOf(concepts.in(folded));
        return new Features(Set.copyOf(accented), Set.copyOf(folded), Set.copyOf(pairs(accented)),
                foldedPairs, money, percent, " " + String.join(" ", folded) + " ", named);
    }

    /**
     * The question's weighted words; the answerers of one question ask for the same content string several
     * times, so this thread's last few are recognised by identity (a new request reads its question anew,
     * so an entry never serves another one) and reused.
     */
    Query query(String content) {
        Recent[] recent = RECENT_QUERIES.get();
        for (Recent r : recent) {
            if (r != null && r.content() == content && r.coverage() == this && content != null) {
                return r.query();
            }
        }
        Query q = computeQuery(content);
        System.arraycopy(recent, 0, recent, 1, recent.length - 1);
        recent[0] = new Recent(content, this, q);
        return q;
    }

    /** One reading of a question's content by one generation's coverage. */
    private record Recent(String content, Coverage coverage, Query query) {
    }

    /** This thread's last few readings, newest first. */
    private static final ThreadLocal<Recent[]> RECENT_QUERIES = ThreadLocal.withInitial(() -> new Recent[4]);

    private Query computeQuery(String content) {
        List<String> sequence = ContentWords.accentedTokens(content == null ? "" : content);
        List<String> foldedSequence = sequence.stream().map(Fold::fold).toList();
        int[] marks = concepts.marks(foldedSequence);
        // a word's concept is that of its first occurrence in a phrase of the lexicon
        Map<String, Integer> conceptOf = new HashMap<>();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] >= 0) {
                conceptOf.putIfAbsent(sequence.get(i), marks[i]);
            }
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(sequence));
        String[] fw = new String[words.size()];
        boolean[] aw = new boolean[words.size()];
        double[] w = new double[words.size()];
        int[] wc = new int[words.size()];
        double total = 0;
        for (int i = 0; i < words.size(); i++) {
            fw[i] = Fold.fold(words.get(i));
            aw[i] = Fold.hasDiacritics(words.get(i));
            w[i] = weights.getOrDefault(fw[i], unknownWeight);
            total += w[i];
            wc[i] = conceptOf.getOrDefault(words.get(i), -1);
        }
        List<String> pairs = new ArrayList<>();
        List<Integer> pairMarks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + 1 < sequence.size(); i++) {
            String b = sequence.get(i) + " " + sequence.get(i + 1);
            if (seen.add(b)) {
                pairs.add(b);
                // a pair inside one phrase of a concept is covered by the concept
                pairMarks.add(marks[i] >= 0 && marks[i] == marks[i + 1] ? marks[i] : -1);
            }
        }
        String[] fp = new String[pairs.size()];
        boolean[] ap = new boolean[pairs.size()];
        int[] pc = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            fp[i] = Fold.fold(pairs.get(i));
            ap[i] = Fold.hasDiacritics(pairs.get(i));
            pc[i] = pairMarks.get(i);
        }
        return new Query(List.copyOf(words), fw, aw, w, total, List.copyOf(pairs), fp, ap, wc, pc);
    }

    /** Coverage of the question by the union of the candidate parts (a unit's title and text). */
    double of(Query q, Features... parts) {
        if (q.isEmpty()) {
            return 0;
        }
        double hit = 0;
        for (int i = 0; i < q.words().size(); i++) {
            for (Features c : parts) {
                if ((q.accentedWords()[i] ? c.accented().contains(q.words().get(i)) : c.folded().contains(q.foldedWords()[i]))
                        || q.wordConcepts()[i] >= 0 && c.concepts().contains(q.wordConcepts()[i])) {
                    hit += q.weights()[i];
                    break;
                }
            }
        }
        double uniCov = q.total() == 0 ? 0 : hit / q.total();
        if (q.words().size() < 2 || q.pairs().isEmpty()) {
            return uniCov;
        }
        int hitBi = 0;
        for (int i = 0; i < q.pairs().size(); i++) {
            for (Features c : parts) {
                if ((q.accentedPairs()[i] ? c.pairsAccented().contains(q.pairs().get(i)) : c.pairsFolded().contains(q.foldedPairs()[i]))
                        || q.pairConcepts()[i] >= 0 && c.concepts().contains(q.pairConcepts()[i])) {
                    hitBi++;
                    break;
                }
            }
        }
        return 0.5 * uniCov + 0.5 * ((double) hitBi / q.pairs().size());
    }

    double of(String content, String candidate) {
        return of(query(content), features(candidate));
    }

    /**
     * How well a stored phrasing and a question match both ways: the harmonic mean of how much of the
     * question the phrasing covers and how much of the phrasing the question covers. "Chuyển đổi số là gì?"
     * is closer to "Chuyển đổi số là gì?" than to "CĐS là viết tắt của từ gì?", though both cover it.
     */
    double match(Query question, Features questionAsCandidate, String phrasing) {
        double recall = of(question, features(phrasing));
        Query reverse = phrasings.get(phrasing, p -> query(questionWords.content(p)));
        double precision = of(reverse, questionAsCandidate);
        return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
    }

    double match(String content, String phrasing) {
        return match(query(content), transientFeatures(content), phrasing);
    }

    private static List<String> pairs(List<String> tokens) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String b = tokens.get(i) + " " + tokens.get(i + 1);
            if (seen.add(b)) {
                out.add(b);
            }
        }
        return out;
    }
}

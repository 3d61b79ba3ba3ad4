package vn.hoidap.assistant;

import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

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
 */
final class Coverage {

    private final Map<String, Double> weights;
    private final double unknownWeight;
    private final ContentWords questionWords;

    Coverage(Map<String, Double> weights, double unknownWeight, ContentWords questionWords) {
        this.weights = weights;
        this.unknownWeight = unknownWeight;
        this.questionWords = questionWords;
    }

    /** Inverse document frequency of folded words over the corpus's paragraphs, tasks and FAQs. */
    static Coverage of(Knowledge knowledge, ContentWords questionWords) {
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
        return new Coverage(Map.copyOf(weights), Math.log(1.0 + n), questionWords);
    }

    private static void count(Map<String, Integer> df, String text) {
        for (String t : new HashSet<>(ContentWords.tokens(text))) {
            df.merge(t, 1, Integer::sum);
        }
    }

    double of(String content, String candidate) {
        List<String> q = ContentWords.accentedTokens(content);
        if (q.isEmpty()) {
            return 0;
        }
        // The candidate loses the same function words as the question, so "lừa đảo trên mạng" pairs as
        // "đảo mạng" on both sides.
        List<String> cAccented = ContentWords.accentedTokens(questionWords.content(candidate));
        List<String> cFolded = cAccented.stream().map(Fold::fold).toList();
        Set<String> uniA = new HashSet<>(cAccented);
        Set<String> uniF = new HashSet<>(cFolded);
        double total = 0;
        double hit = 0;
        for (String t : new LinkedHashSet<>(q)) {
            double w = weights.getOrDefault(Fold.fold(t), unknownWeight);
            total += w;
            if (Fold.hasDiacritics(t) ? uniA.contains(t) : uniF.contains(Fold.fold(t))) {
                hit += w;
            }
        }
        double uniCov = total == 0 ? 0 : hit / total;
        if (q.size() < 2) {
            return uniCov;
        }
        Set<String> biA = bigrams(cAccented);
        Set<String> biF = bigrams(cFolded);
        Set<String> qb = bigrams(q);
        long hitBi = qb.stream().filter(b -> Fold.hasDiacritics(b) ? biA.contains(b) : biF.contains(Fold.fold(b))).count();
        return 0.5 * uniCov + 0.5 * ((double) hitBi / qb.size());
    }

    /**
     * How well a stored phrasing and a question match both ways: the harmonic mean of how much of the
     * question the phrasing covers and how much of the phrasing the question covers. "Chuyển đổi số là gì?"
     * is closer to "Chuyển đổi số là gì?" than to "CĐS là viết tắt của từ gì?", though both cover it.
     */
    double match(String content, String phrasing) {
        double recall = of(content, phrasing);
        double precision = of(questionWords.content(phrasing), content);
        return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
    }

    private static Set<String> bigrams(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            out.add(tokens.get(i) + " " + tokens.get(i + 1));
        }
        return out;
    }
}

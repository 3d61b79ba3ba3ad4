package vn.hoidap.assistant;

import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What tells one FAQ entry from the others: the rarity of words across the FAQ entries themselves (not across
 * the plans). "dịch vụ công" is in a third of the entries and decides nothing; "lệ phí" or "khóa học" is in two
 * or three, and an entry that lacks it is not the one asked for, however well the rest of the question matches
 * its phrasing. Words, not pairs: pairs were tried (at half a word's weight, only as typed side by side) and
 * chose worse on the eval sets — "cổng … cũ", "app VNeID" are rare pairs of entries about something else.
 * <p>
 * Built once per knowledge generation from the committed entries (each entry's words, the table of
 * rarities); per question only the question's own content words are split.
 */
final class FaqDistinctions {

    /** A word of the question that few entries hold, with its weight (log inverse entry frequency). */
    record Unit(String folded, double weight) {
    }

    /** The question's distinctive units, rarest first. */
    record Distinctive(List<Unit> units, double total) {
        static final Distinctive NONE = new Distinctive(List.of(), 0);

        boolean isEmpty() {
            return units.isEmpty();
        }

        /** The rarest word: the concept the question is about, if any entry knows it. */
        Unit rarest() {
            return units.isEmpty() ? null : units.get(0);
        }

        /** How many distinctive words. */
        long words() {
            return units.size();
        }
    }

    /**
     * A unit held by more than this share of the entries is no distinction ("dịch vụ", "tài khoản"). A tenth
     * of the entries is about one topic file: a word that all of one topic's entries share still tells the
     * topic, not the entry.
     */
    static final double MAX_SHARE = 0.1;

    private final Map<String, Integer> entryFrequency;
    /** By the whole entry, not its id: an entry edited in the console since is another entry, read anew. */
    private final Map<FaqEntry, Set<String>> unitsByEntry;
    private final ContentWords questionWords;
    private final int entries;

    private FaqDistinctions(Map<String, Integer> entryFrequency, Map<FaqEntry, Set<String>> unitsByEntry,
                            ContentWords questionWords, int entries) {
        this.entryFrequency = entryFrequency;
        this.unitsByEntry = unitsByEntry;
        this.questionWords = questionWords;
        this.entries = entries;
    }

    static FaqDistinctions of(List<FaqEntry> faqs, ContentWords questionWords) {
        Map<String, Integer> df = new HashMap<>();
        Map<FaqEntry, Set<String>> byEntry = new HashMap<>();
        for (FaqEntry f : faqs) {
            Set<String> units = unitsOf(f, questionWords);
            byEntry.put(f, units);
            for (String u : units) {
                df.merge(u, 1, Integer::sum);
            }
        }
        return new FaqDistinctions(Map.copyOf(df), Map.copyOf(byEntry), questionWords, Math.max(1, faqs.size()));
    }

    /** An entry's folded content words, over its question, alternates and answer. */
    private static Set<String> unitsOf(FaqEntry f, ContentWords questionWords) {
        Set<String> out = new HashSet<>();
        List<String> texts = new ArrayList<>(f.alternates());
        texts.add(f.question());
        texts.add(f.answer());
        for (String t : texts) {
            out.addAll(ContentWords.tokens(questionWords.content(t)));
        }
        return out;
    }

    /** The units of an entry; an entry edited in the console since this generation was built is read anew. */
    Set<String> units(FaqEntry f) {
        Set<String> known = unitsByEntry.get(f);
        return known != null ? known : unitsOf(f, questionWords);
    }

    /**
     * The question's content words (folded) that some entries hold but few: numbers and
     * dates are left out (an entry writes "01/07/2025" where people type "1/7/2025"), and so are words no entry
     * holds (a typo, an English word: the confidence already counts them against every entry alike).
     */
    Distinctive distinctive(String content) {
        if (content == null || content.isBlank()) {
            return Distinctive.NONE;
        }
        List<String> folded = new ArrayList<>();
        for (String t : content.split(" ")) {
            String f = Fold.fold(t);
            if (!f.isEmpty()) {
                folded.add(f);
            }
        }
        Set<String> seen = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        double total = 0;
        int most = (int) Math.floor(MAX_SHARE * entries);
        for (String w : folded) {
            if (!seen.add(w) || w.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            int df = entryFrequency.getOrDefault(w, 0);
            if (df == 0 || df > most) {
                continue;
            }
            double weight = Math.log(1.0 + (double) entries / df);
            units.add(new Unit(w, weight));
            total += weight;
        }
        units.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return new Distinctive(List.copyOf(units), total);
    }

    /** The share, by weight, of the question's distinctive units that the entry holds, in [0, 1]. */
    double covered(Distinctive d, FaqEntry f) {
        if (d.isEmpty() || d.total() == 0) {
            return 0;
        }
        Set<String> units = units(f);
        double hit = 0;
        for (Unit u : d.units()) {
            if (units.contains(u.folded())) {
                hit += u.weight();
            }
        }
        return hit / d.total();
    }

    /** Whether the entry holds the question's rarest unit (true when the question has none). */
    boolean holdsRarest(Distinctive d, FaqEntry f) {
        Unit r = d.rarest();
        return r == null || units(f).contains(r.folded());
    }
}

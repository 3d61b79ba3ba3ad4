package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What changed between a draft and the issued plan: each draft task is paired with the issued task whose title
 * shares the most words (folded), and a pair is shown when its lead agencies, timeline or figures differ.
 * Draft tasks with no issued counterpart were dropped; issued tasks no draft task pairs with were added.
 */
@Singleton
final class DraftComparison {

    /** Pairing needs at least this share of title words in common (Dice coefficient). */
    private static final double MIN_SIMILARITY = 0.5;
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.,]\\d+)*\\s*%?");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    record Side(String label, String title, String lead, String timeline, String figures, String href) {
    }

    record Change(Side draft, Side issued, boolean leadChanged, boolean timelineChanged, boolean figuresChanged) {
    }

    record Comparison(String issuedId, List<Change> changed, List<Side> dropped, List<Side> added, int unchanged) {
    }

    Comparison compare(Plan draft, Plan issued) {
        List<Change> changed = new ArrayList<>();
        List<Side> dropped = new ArrayList<>();
        Set<Task> paired = new HashSet<>();
        int unchanged = 0;
        for (Task d : draft.tasks()) {
            Task best = null;
            double bestScore = 0;
            for (Task i : issued.tasks()) {
                if (paired.contains(i)) {
                    continue;
                }
                double s = dice(d.title(), i.title());
                if (s > bestScore) {
                    bestScore = s;
                    best = i;
                }
            }
            if (best == null || bestScore < MIN_SIMILARITY) {
                dropped.add(side(d, draft));
                continue;
            }
            paired.add(best);
            boolean lead = !agencies(d.lead()).equals(agencies(best.lead()));
            boolean timeline = !key(d.timeline()).equals(key(best.timeline()));
            boolean figures = !figures(d).equals(figures(best));
            if (lead || timeline || figures) {
                changed.add(new Change(side(d, draft), side(best, issued), lead, timeline, figures));
            } else {
                unchanged++;
            }
        }
        List<Side> added = issued.tasks().stream().filter(t -> !paired.contains(t)).map(t -> side(t, issued)).toList();
        return new Comparison(issued.id(), changed, dropped, added, unchanged);
    }

    private static Side side(Task t, Plan p) {
        return new Side(SectionLabels.label(t.section()), t.title(),
                t.lead().stream().map(AgencyMention::text).collect(Collectors.joining("; ")),
                t.timeline(), String.join(", ", figures(t)), "/ke-hoach/" + p.id() + "#" + t.anchor());
    }

    private static Set<String> agencies(List<AgencyMention> mentions) {
        return mentions.stream().map(m -> m.agencyId() != null ? m.agencyId() : key(m.text()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Numbers in what a task promises (title, description, result): "100%", "50 chuyên gia". */
    private static Set<String> figures(Task t) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : new String[] {t.title(), t.description(), t.result()}) {
            if (s == null) {
                continue;
            }
            Matcher m = FIGURE.matcher(s);
            while (m.find()) {
                String f = m.group().replace(" ", "");
                if (!f.matches("(19|20)\\d{2}")) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static String key(String s) {
        return s == null ? "" : NOT_WORD.matcher(Fold.fold(s)).replaceAll(" ").strip();
    }

    static double dice(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(key(a).split(" ")));
        Set<String> y = new HashSet<>(Arrays.asList(key(b).split(" ")));
        x.remove("");
        y.remove("");
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }
}

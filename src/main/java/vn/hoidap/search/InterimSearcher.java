package vn.hoidap.search;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Interim linear scan until the Lucene searcher lands; to be removed. */
@Singleton
class InterimSearcher implements Searcher {

    private record Unit(UnitType type, String id, String planId, String title, String text, String section, String url) {
    }

    private final List<Unit> units = new ArrayList<>();

    InterimSearcher(Knowledge k) {
        for (Plan p : k.plans()) {
            for (Task t : p.tasks()) {
                units.add(new Unit(UnitType.TASK, t.id(), p.id(), t.title(), t.title() + " " + nz(t.description()) + " " + nz(t.result()), t.section(), Anchors.planUrl(p.id(), t.anchor())));
            }
            for (int i = 0; i < p.targets().size(); i++) {
                Target t = p.targets().get(i);
                units.add(new Unit(UnitType.TARGET, String.valueOf(i), p.id(), "Mục tiêu " + t.year(), t.statement() + " " + t.subject(), t.section(), Anchors.planUrl(p.id(), t.anchor())));
            }
            String[] paras = p.text().split("\\n\\s*\\n");
            for (int i = 0; i < paras.length; i++) {
                units.add(new Unit(UnitType.PASSAGE, "p" + i, p.id(), "Đoạn " + i, paras[i], null, Anchors.planUrl(p.id(), null)));
            }
        }
        for (FaqEntry f : k.faqs()) {
            units.add(new Unit(UnitType.FAQ, f.id(), null, f.question(), f.question() + " " + String.join(" ", f.alternates()) + " " + f.answer(), null, f.url()));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public List<SearchHit> search(SearchQuery q) {
        Set<String> terms = new HashSet<>(Arrays.asList(Fold.fold(q.text()).split("\\s+")));
        List<SearchHit> hits = new ArrayList<>();
        for (Unit u : units) {
            if (!q.types().isEmpty() && !q.types().contains(u.type())) {
                continue;
            }
            if (!q.planIds().isEmpty() && (u.planId() == null || !q.planIds().contains(u.planId()))) {
                continue;
            }
            Set<String> words = new HashSet<>(Arrays.asList(Fold.fold(u.title() + " " + u.text()).split("[^a-z0-9%]+")));
            long hit = terms.stream().filter(words::contains).count();
            if (hit > 0) {
                hits.add(new SearchHit(u.type(), u.id(), u.planId(), u.title(), u.text(), u.text().length() > 200 ? u.text().substring(0, 200) : u.text(), u.section(), u.url(), hit));
            }
        }
        hits.sort(Comparator.comparingDouble(h -> -h.score()));
        return hits.size() > q.limit() ? hits.subList(0, q.limit()) : hits;
    }
}

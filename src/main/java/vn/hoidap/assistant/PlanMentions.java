package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a plan's text names a phrase at all ("Bộ Xây dựng" in a legal basis, "Hội Nông dân" among the
 * bodies asked to help): an organisation the directory does not know but the plan names is a subject of
 * its body text, not "an agency without tasks". Each plan's text is folded once.
 */
@Singleton
final class PlanMentions {

    private final Map<String, String> folded = new HashMap<>();

    PlanMentions(Knowledge knowledge) {
        for (Plan p : knowledge.plans()) {
            folded.put(p.id(), Phrases.padded(p.text()));
        }
    }

    boolean anyMentions(List<Plan> plans, String phrase) {
        String wanted = Phrases.padded(phrase);
        if (wanted.isBlank()) {
            return false;
        }
        for (Plan p : plans) {
            String text = folded.get(p.id());
            if (text != null && text.contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}

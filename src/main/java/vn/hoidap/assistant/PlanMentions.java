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
 * its body text, not "an agency without tasks". Each plan's text is folded once per generation of the
 * knowledge (a published plan brings its own).
 */
@Singleton
final class PlanMentions {

    private final Knowledge knowledge;

    PlanMentions(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    private Map<String, String> folded() {
        return knowledge.derived("assistant.plan-mentions", k -> {
            Map<String, String> folded = new HashMap<>();
            for (Plan p : k.plans()) {
                folded.put(p.id(), Phrases.padded(p.text()));
            }
            return Map.copyOf(folded);
        });
    }

    boolean anyMentions(List<Plan> plans, String phrase) {
        String wanted = Phrases.padded(phrase);
        if (wanted.isBlank()) {
            return false;
        }
        for (Plan p : plans) {
            String text = folded().get(p.id());
            if (text != null && text.contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}

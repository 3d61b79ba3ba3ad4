package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The assistant's own sentences when it does not answer from the corpus: fallbacks, refusals, small talk. */
@Singleton
final class Fallbacks {

    private final Replies replies;
    private final Knowledge knowledge;

    Fallbacks(Replies replies, Knowledge knowledge) {
        this.replies = replies;
        this.knowledge = knowledge;
    }

    /** The provinces with a plan, named once per generation of the knowledge. */
    private String provinces() {
        return knowledge.derived("assistant.fallback-provinces", k -> {
            List<String> names = k.plans().stream().map(p -> p.meta().province())
                    .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
            return Wording.join(names).replace(";", ",");
        });
    }

    Reply fallback(String key, Map<String, String> values, Understanding u, double confidence) {
        Map<String, String> all = new HashMap<>(values);
        all.put("provinces", provinces());
        return new Reply(replies.get(key, all), List.of(), suggestions(), true, confidence, u.state(), null);
    }

    /** One short sentence, no corpus content, no suggestions drawn from the question; the state is cleared. */
    Reply refusal(Intent kind) {
        String key = kind == Intent.REFUSAL_OVERRIDE ? "refusal-override" : "refusal-personal-data";
        return new Reply(replies.get(key, Map.of()), List.of(), List.of(), true, 1.0, DialogueState.EMPTY, "khac");
    }

    Reply smallTalk(Understanding u) {
        String key = u.intent() == Intent.IDENTITY ? "identity" : u.intent().label();
        return new Reply(replies.get(key, Map.of()), List.of(), List.of(), false, u.intentConfidence(), u.state(), "khac");
    }

    List<String> suggestions() {
        return replies.suggestions().stream().limit(3).toList();
    }
}

package vn.hoidap.assistant;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.corpus.YamlFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The assistant's own sentences (small talk, fallbacks, suggestions), from corpus/assistant/replies.yaml. */
record Replies(Map<String, String> texts, List<String> suggestions) {

    @SuppressWarnings("unchecked")
    static Replies load(Path file) {
        try {
            Map<String, Object> root = new java.util.HashMap<>((Map<String, Object>) YamlFiles.read(file));
            List<String> suggestions = (List<String>) root.remove("suggestions");
            Map<String, String> texts = new java.util.HashMap<>();
            root.forEach((k, v) -> texts.put(k, v.toString().strip()));
            for (String key : List.of("greeting", "thanks", "identity", "capabilities", "fallback",
                    "unknown-province", "unknown-agency", "out-of-scope", "refusal-personal-data", "refusal-override")) {
                if (!texts.containsKey(key)) {
                    throw new CorpusException(file + ": missing field '" + key + "'");
                }
            }
            return new Replies(Map.copyOf(texts), suggestions == null ? List.of() : List.copyOf(suggestions));
        } catch (ClassCastException | NullPointerException e) {
            throw new CorpusException(file + ": expected a mapping of texts and a 'suggestions' list", e);
        }
    }

    String get(String key, Map<String, String> values) {
        String t = texts.get(key);
        for (Map.Entry<String, String> e : values.entrySet()) {
            t = t.replace("{" + e.getKey() + "}", e.getValue());
        }
        return t;
    }
}

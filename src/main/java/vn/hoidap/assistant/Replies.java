package vn.hoidap.assistant;

import vn.hoidap.corpus.CorpusException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The assistant's own sentences (small talk, fallbacks, suggestions), from corpus/assistant/replies.yaml. */
record Replies(Map<String, String> texts, List<String> suggestions) {

    @SuppressWarnings("unchecked")
    static Replies load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            List<String> suggestions = (List<String>) root.remove("suggestions");
            Map<String, String> texts = new java.util.HashMap<>();
            root.forEach((k, v) -> texts.put(k, v.toString().strip()));
            for (String key : List.of("greeting", "thanks", "identity", "capabilities", "fallback",
                    "unknown-province", "unknown-agency", "out-of-scope")) {
                if (!texts.containsKey(key)) {
                    throw new CorpusException(file + ": missing field '" + key + "'");
                }
            }
            return new Replies(Map.copyOf(texts), suggestions == null ? List.of() : List.copyOf(suggestions));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorpusException ce) {
                throw ce;
            }
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
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

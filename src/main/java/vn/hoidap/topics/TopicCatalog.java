package vn.hoidap.topics;

import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topics and themes of {@code corpus/topics.yaml}, and the keyword rule that gives every logged
 * question a topic when the assistant did not name one. Loaded once at start-up (a broken file should
 * stop the service, not silently file everything under "khac").
 */
@Context
public final class TopicCatalog {

    public static final String OTHER = "khac";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}/&]+");

    private final Map<String, Theme> themes;
    private final Map<String, Topic> topics;

    @Inject
    TopicCatalog(CorpusConfig corpus) {
        this(Path.of(corpus.dir()).resolve("topics.yaml"));
    }

    public TopicCatalog(Path file) {
        if (!Files.exists(file)) {
            // A corpus without topics (a test corpus, say) must not stop the service: everything is "khac".
            LoggerFactory.getLogger(TopicCatalog.class).warn("No topic list at {}; every question gets topic '{}'",
                    file.toAbsolutePath(), OTHER);
            this.themes = Map.of();
            this.topics = Map.of(OTHER, new Topic(OTHER, "Khác", null, null, List.of()));
            return;
        }
        Object parsed;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the topic list " + file.toAbsolutePath(), e);
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalStateException(file + ": expected a mapping with 'themes' and 'topics'");
        }
        Map<String, Theme> th = new LinkedHashMap<>();
        for (Map<?, ?> m : maps(root.get("themes"), file, "themes")) {
            Theme t = new Theme(text(m, "id", file), text(m, "name", file), (String) m.get("source"));
            th.put(t.id(), t);
        }
        Map<String, Topic> tp = new LinkedHashMap<>();
        for (Map<?, ?> m : maps(root.get("topics"), file, "topics")) {
            String id = text(m, "id", file);
            Object theme = m.get("theme");
            if (theme != null && !th.containsKey(theme.toString())) {
                throw new IllegalStateException(file + ": topic " + id + " names unknown theme " + theme);
            }
            List<String> keywords = new ArrayList<>();
            if (m.get("keywords") instanceof List<?> list) {
                for (Object k : list) {
                    String folded = words(String.valueOf(k));
                    if (!folded.isBlank() && !keywords.contains(folded)) {
                        keywords.add(folded);
                    }
                }
            }
            if (tp.put(id, new Topic(id, text(m, "name", file), theme == null ? null : theme.toString(),
                    (String) m.get("source"), keywords)) != null) {
                throw new IllegalStateException(file + ": topic " + id + " is listed twice");
            }
        }
        if (!tp.containsKey(OTHER)) {
            throw new IllegalStateException(file + ": the catch-all topic '" + OTHER + "' is missing");
        }
        this.themes = Map.copyOf(th);
        this.topics = java.util.Collections.unmodifiableMap(tp);
    }

    public Map<String, Theme> themes() {
        return themes;
    }

    public List<Theme> themeList() {
        return themes.values().stream().sorted(java.util.Comparator.comparing(Theme::id)).toList();
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(id == null ? null : topics.get(id));
    }

    public List<Topic> topicList() {
        return List.copyOf(topics.values());
    }

    /**
     * The assistant's topic when it is one of ours; otherwise the topic whose keywords cover the most words
     * of the folded question (ties: the earlier topic in the file); otherwise "khac".
     */
    public Topic assign(String question, String assistantTopic) {
        if (assistantTopic != null && topics.containsKey(assistantTopic)) {
            return topics.get(assistantTopic);
        }
        String w = words(question);
        // Both "stem/steam" and "stem", "steam": document numbers keep their slash, words separated by one do not.
        String padded = " " + w + " | " + w.replace('/', ' ') + " ";
        Topic best = topics.get(OTHER);
        int bestScore = 0;
        for (Topic t : topics.values()) {
            int score = 0;
            for (String k : t.keywords()) {
                if (padded.contains(" " + k + " ")) {
                    score += k.split(" ").length * 2 + 1;
                }
            }
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    /** Folded words separated by single spaces; "/" and "&" kept for "146/qđ-ttg", "tt&tt". */
    static String words(String text) {
        return NON_WORD.matcher(Fold.fold(text)).replaceAll(" ").strip();
    }

    private static List<Map<?, ?>> maps(Object list, Path file, String key) {
        if (!(list instanceof List<?> l)) {
            throw new IllegalStateException(file + ": '" + key + "' must be a list");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalStateException(file + ": every entry of '" + key + "' must be a mapping");
            }
            out.add(m);
        }
        return out;
    }

    private static String text(Map<?, ?> m, String key, Path file) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(file + ": an entry lacks '" + key + "': " + m);
        }
        return v.toString();
    }
}

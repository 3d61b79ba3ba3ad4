package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.console.FaqOverlay;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.topics.Topic;
import vn.hoidap.topics.TopicCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FAQ grouped by topic (topics.yaml names, in the catalog's order), for /hoi-dap and the home page. The
 * entries are the live ones, as the assistant answers from them: the committed corpus with the console's
 * edits, additions and hidden entries ({@link FaqOverlay#live()}), read on every request so a published entry
 * shows at once.
 */
@Singleton
final class FaqTopics {

    record TopicGroup(String id, String name, List<FaqEntry> entries) {
        public String href() {
            return "/hoi-dap/" + id;
        }
    }

    private final FaqOverlay faqs;
    private final TopicCatalog catalog;

    FaqTopics(FaqOverlay faqs, TopicCatalog catalog) {
        this.faqs = faqs;
        this.catalog = catalog;
    }

    List<TopicGroup> topics() {
        Map<String, List<FaqEntry>> byTopic = new LinkedHashMap<>();
        for (Topic t : catalog.topicList()) {
            byTopic.put(t.id(), new ArrayList<>());
        }
        for (FaqEntry f : faqs.live()) {
            String id = f.topic() == null || f.topic().isBlank() ? TopicCatalog.OTHER : f.topic();
            byTopic.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
        }
        List<TopicGroup> out = new ArrayList<>();
        byTopic.forEach((id, entries) -> {
            if (!entries.isEmpty()) {
                out.add(new TopicGroup(id, name(id), List.copyOf(entries)));
            }
        });
        return out;
    }

    Optional<TopicGroup> topic(String id) {
        return topics().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private String name(String id) {
        return catalog.topic(id).map(Topic::name).orElse(TopicCatalog.OTHER.equals(id) ? "Câu hỏi khác" : id);
    }
}

package vn.hoidap.topics;

import java.util.List;

/**
 * A topic of questions from {@code corpus/topics.yaml}; {@code themeId} is null only for "khac".
 * {@code keywords} are folded and padded-free phrases compared as whole words.
 */
public record Topic(String id, String name, String themeId, String source, List<String> keywords) {
    public Topic {
        keywords = List.copyOf(keywords);
    }
}

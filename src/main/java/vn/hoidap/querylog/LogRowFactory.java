package vn.hoidap.querylog;

import jakarta.inject.Singleton;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.QuestionAnswered;
import vn.hoidap.assistant.Source;
import vn.hoidap.topics.Topic;
import vn.hoidap.topics.TopicCatalog;

import java.util.UUID;

/** Turns an answered question into the row that may be stored: redacted, hashed, with topic and theme. */
@Singleton
class LogRowFactory {

    private final SessionHasher hasher;
    private final TopicCatalog topics;

    LogRowFactory(SessionHasher hasher, TopicCatalog topics) {
        this.hasher = hasher;
        this.topics = topics;
    }

    LogRow row(QuestionAnswered event) {
        Answer a = event.answer();
        String text = event.question().text();
        // Topic from the original text (placeholders such as "[SỐ TÀI KHOẢN]" would mislead the keywords);
        // only the redacted text leaves this method.
        Topic topic = topics.assign(text, a.topic());
        String redacted = Redactor.redact(text);
        return LogRow.asked(id(a.answerId()), event.at(), event.question().channel(), hasher.hash(a.sessionId()),
                redacted, QuestionKey.of(redacted), a.intent(), topic.id(), topic.themeId(), a.province(), a.agency(),
                a.fallback(), a.confidence(), topSource(a), (int) Math.min(Integer.MAX_VALUE, event.latencyMicros() / 1000));
    }

    String sessionHash(String sessionId) {
        return hasher.hash(sessionId);
    }

    private static String topSource(Answer a) {
        if (a.sources().isEmpty()) {
            return null;
        }
        Source s = a.sources().get(0);
        String where = s.planId() == null ? s.url() : s.planId() + (s.section() == null ? "" : "#" + s.section());
        return where == null ? s.title() : where;
    }

    /** The assistant promises a UUID; should one ever not be, a name-based UUID keeps the row and its feedback together. */
    static UUID id(String answerId) {
        try {
            return UUID.fromString(answerId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.nameUUIDFromBytes(String.valueOf(answerId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

package vn.hoidap.assistant;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Placeholder until the answering pipeline lands: always falls back honestly. Publishes the log event. */
@Singleton
class AssistantService implements Assistant {

    private final ApplicationEventPublisher<QuestionAnswered> events;

    AssistantService(ApplicationEventPublisher<QuestionAnswered> events) {
        this.events = events;
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        Answer answer = new Answer(UUID.randomUUID().toString(), question.sessionId(),
                "Xin lỗi, tôi chưa trả lời được câu hỏi này.", "unknown", 0.0, true, List.of(), List.of(),
                null, null, null);
        events.publishEvent(new QuestionAnswered(question, answer, Instant.now(), (System.nanoTime() - start) / 1000));
        return answer;
    }
}

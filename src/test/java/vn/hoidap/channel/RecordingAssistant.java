package vn.hoidap.channel;

import io.micronaut.context.event.ApplicationEventPublisher;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.assistant.QuestionAnswered;
import vn.hoidap.assistant.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test assistant for channel tests: answers every question with its own text, one plan source with a
 * relative portal link and two suggestions; "dài" asks for a 12,000-character answer. It publishes
 * {@link QuestionAnswered} like the real one, so the real query log stores the answer and feedback by answer
 * id lands in query_log. Subclassed per test with a {@code @Requires} of its own.
 */
public class RecordingAssistant implements Assistant {

    public final List<Question> questions = new CopyOnWriteArrayList<>();
    public final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final ApplicationEventPublisher<QuestionAnswered> events;

    public RecordingAssistant(ApplicationEventPublisher<QuestionAnswered> events) {
        this.events = events;
    }

    @Override
    public Answer answer(Question q) {
        questions.add(q);
        String text = q.text().contains("dài") ? longText() : "Trả lời: " + q.text();
        Answer a = new Answer(UUID.randomUUID().toString(), q.sessionId(), text, "task_lookup", 0.9, false,
                List.of(new Source("Kế hoạch 53/KH-UBND tỉnh Đồng Nai", "dong-nai-2022", "III.2",
                        "/ke-hoach/dong-nai-2022#muc-iii-2", "Tuyên truyền …")),
                List.of("Mục tiêu năm 2025 của Đồng Nai là gì?", "Ai phối hợp thực hiện nhiệm vụ này?"),
                "Đồng Nai", null, null);
        answers.add(a);
        events.publishEvent(new QuestionAnswered(q, a, Instant.now(), 1000));
        return a;
    }

    public Answer last() {
        return answers.get(answers.size() - 1);
    }

    public Question question(String text) {
        return questions.stream().filter(q -> q.text().equals(text)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("not asked: " + text + " in " + questions));
    }

    public boolean asked(String text) {
        return questions.stream().anyMatch(q -> q.text().equals(text));
    }

    public static String longText() {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 30; p++) {
            sb.append("Đoạn ").append(p).append(": ");
            for (int w = 0; w < 20; w++) {
                sb.append("nhiệm vụ chuyển đổi số ").append(w).append(' ');
            }
            sb.append("\n\n");
        }
        return sb.toString().strip();
    }
}

package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.AssistantConfig;
import vn.hoidap.assistant.Question;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Province;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A question from the portal's chat form (the no-JS post, the script's post, the widget): checked as the API
 * checks it, then handed to the assistant. The outcome is a turn to render or a Vietnamese error.
 */
@Singleton
final class WebChat {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    /** Either {@code turn} or {@code error} is set. */
    record Outcome(ChatTurn turn, String error, String sessionId) {
    }

    private final Assistant assistant;
    private final AssistantConfig config;
    private final Knowledge knowledge;

    WebChat(Assistant assistant, AssistantConfig config, Knowledge knowledge) {
        this.assistant = assistant;
        this.config = config;
        this.knowledge = knowledge;
    }

    Outcome ask(String message, String sessionId, String province, String channel) {
        // A missing or forged session id starts a new conversation rather than failing the question.
        String session = sessionId != null && SESSION_ID.matcher(sessionId.strip()).matches()
                ? sessionId.strip() : UUID.randomUUID().toString();
        if (message == null || message.isBlank()) {
            return new Outcome(null, "Câu hỏi đang trống; hãy nhập nội dung cần hỏi.", session);
        }
        String text = message.strip();
        if (text.codePointCount(0, text.length()) > config.maxMessageLength()) {
            return new Outcome(null, "Câu hỏi quá dài (tối đa " + config.maxMessageLength()
                    + " ký tự); hãy rút gọn câu hỏi.", session);
        }
        // The widget's configured province travels as a field; an unknown name is ignored, not an error.
        String chosen = province == null ? null
                : knowledge.provinces().resolve(province).map(Province::name).orElse(null);
        Answer a = assistant.answer(new Question(text, session, channel, chosen));
        return new Outcome(ChatTurn.of(text, a), null, a.sessionId() != null ? a.sessionId() : session);
    }
}

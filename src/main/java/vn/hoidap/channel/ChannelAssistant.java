package vn.hoidap.channel;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;

/**
 * The one way channels ask the assistant: an empty or over-long message is answered here, politely, and
 * never reaches it; the chosen province travels as {@link Question#province()}; a failing assistant becomes
 * an apology instead of silence.
 */
@Singleton
public class ChannelAssistant {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAssistant.class);

    /** Either the assistant's answer, or what to say instead. */
    public record Outcome(Answer answer, String message) {
        public boolean answered() {
            return answer != null;
        }
    }

    private final Assistant assistant;
    private final int maxLength;

    ChannelAssistant(Assistant assistant, @Value("${hoidap.assistant.max-message-length:1000}") int maxLength) {
        this.assistant = assistant;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public Outcome ask(String text, String sessionId, String channel, String province) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Outcome(null, ChannelTexts.EMPTY);
        }
        if (t.codePointCount(0, t.length()) > maxLength) {
            return new Outcome(null, ChannelTexts.TOO_LONG.formatted(maxLength));
        }
        try {
            return new Outcome(assistant.answer(new Question(t, sessionId, channel, province)), null);
        } catch (RuntimeException e) {
            LOG.error("{}: the assistant failed", channel, e);
            return new Outcome(null, ChannelTexts.FAILED);
        }
    }
}

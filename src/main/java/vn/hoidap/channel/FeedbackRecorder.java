package vn.hoidap.channel;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.querylog.FeedbackSink;

import java.util.Optional;

/**
 * A tapped 👍 / 👎 into the query log by answer id (the row already carries the channel it was asked on), and
 * what to tell the person. Without a query log the button is still answered, honestly.
 */
@Singleton
public class FeedbackRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackRecorder.class);

    private final Optional<FeedbackSink> sink;

    FeedbackRecorder(Optional<FeedbackSink> sink) {
        this.sink = sink;
        if (sink.isEmpty()) {
            LOG.warn("Channels: no FeedbackSink (query log off); feedback buttons will say it was not recorded");
        }
    }

    public String record(FeedbackPayload payload) {
        if (sink.isEmpty()) {
            return ChannelTexts.FEEDBACK_FAILED;
        }
        try {
            return switch (sink.get().record(payload.answerId(), payload.helpful(), null)) {
                case STORED -> ChannelTexts.FEEDBACK_THANKS;
                case UNKNOWN_ANSWER -> ChannelTexts.FEEDBACK_UNKNOWN;
            };
        } catch (RuntimeException e) {
            LOG.warn("Channels: feedback not recorded: {}", e.getMessage());
            return ChannelTexts.FEEDBACK_FAILED;
        }
    }
}

package vn.hoidap.channel;

/**
 * A button under an answer, before a channel turns it into its own kind (Telegram inline button, Messenger
 * quick reply, Zalo {@code oa.query.*} button). {@code payload} is what comes back when it is tapped:
 * {@link FeedbackPayload} for 👍 / 👎, the question itself for a suggestion.
 */
public record ReplyButton(Kind kind, String title, String payload) {

    public enum Kind { FEEDBACK, SUGGESTION }
}

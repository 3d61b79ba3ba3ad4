package vn.hoidap.channel;

import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Answer} as plain-text messages for channels without markup (Zalo, Messenger): the text, then the
 * sources as "• title: absolute URL" lines (messengers turn bare URLs into links), the suggestions when the
 * assistant could not answer, split below the channel's limit; and the buttons to put under the last part.
 */
public final class PlainReplies {

    /** The parts to send in order, and the buttons the last one carries. */
    public record Reply(List<String> parts, List<ReplyButton> buttons) {
        public Reply {
            parts = List.copyOf(parts);
            buttons = List.copyOf(buttons);
        }
    }

    private final SourceLinks links;
    private final int limit;
    private final int maxPayloadBytes;
    private final int maxSuggestionButtons;
    private final int suggestionTitleLength;

    /**
     * @param maxPayloadBytes what a button payload may hold (feedback buttons are left out when the id is longer)
     * @param maxSuggestionButtons how many suggested questions become buttons (0: none)
     * @param suggestionTitleLength how long a button title may be (Messenger quick replies: 20)
     */
    public PlainReplies(SourceLinks links, int limit, int maxPayloadBytes, int maxSuggestionButtons,
                        int suggestionTitleLength) {
        this.links = links;
        this.limit = limit;
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxSuggestionButtons = maxSuggestionButtons;
        this.suggestionTitleLength = suggestionTitleLength;
    }

    public Reply format(Answer answer, String prefix) {
        MessageSplitter out = MessageSplitter.plain(limit);
        if (prefix != null && !prefix.isBlank()) {
            out.text(prefix.strip(), "");
        }
        String text = answer.text() == null || answer.text().isBlank() ? ChannelTexts.EMPTY_ANSWER : answer.text().strip();
        out.text(text, "\n\n");
        List<Source> sources = answer.sources();
        if (!sources.isEmpty()) {
            out.whole(sources.size() == 1 ? ChannelTexts.SOURCE : ChannelTexts.SOURCES, "\n\n");
            for (Source s : sources) {
                String href = links.absolute(s.url());
                String line = "• " + links.title(s) + (href == null ? "" : ": " + href);
                out.text(line, "\n");
            }
        }
        if (answer.fallback() && !answer.suggestions().isEmpty()) {
            out.whole(ChannelTexts.SUGGESTIONS, "\n\n");
            for (String suggestion : answer.suggestions()) {
                out.text("• " + SourceLinks.shorten(suggestion, SourceLinks.MAX_TITLE), "\n");
            }
        }
        return new Reply(out.parts(), buttons(answer));
    }

    private List<ReplyButton> buttons(Answer answer) {
        List<ReplyButton> buttons = new ArrayList<>();
        if (FeedbackPayload.fits(answer.answerId(), maxPayloadBytes)) {
            buttons.add(new ReplyButton(ReplyButton.Kind.FEEDBACK, "👍",
                    new FeedbackPayload(true, answer.answerId()).encode()));
            buttons.add(new ReplyButton(ReplyButton.Kind.FEEDBACK, "👎",
                    new FeedbackPayload(false, answer.answerId()).encode()));
        }
        int added = 0;
        for (String suggestion : answer.suggestions()) {
            if (added >= maxSuggestionButtons) {
                break;
            }
            String s = suggestion == null ? "" : suggestion.strip();
            if (s.isEmpty() || s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxPayloadBytes - 2) {
                continue;
            }
            buttons.add(new ReplyButton(ReplyButton.Kind.SUGGESTION, SourceLinks.shorten(s, suggestionTitleLength), s));
            added++;
        }
        return buttons;
    }
}

package vn.hoidap.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;
import vn.hoidap.channel.ChannelTexts;
import vn.hoidap.channel.FeedbackPayload;
import vn.hoidap.channel.MessageSplitter;
import vn.hoidap.channel.SourceLinks;

import java.util.List;
import java.util.Optional;

/**
 * An {@link Answer} as Telegram messages: the escaped text, the sources as links into the portal (absolute,
 * since a relative link means nothing in Telegram), suggestions when the assistant could not answer, split
 * below Telegram's 4096-character limit; and the feedback buttons for the last part.
 */
final class ReplyFormatter {

    static final int TELEGRAM_LIMIT = 4096;
    /** Telegram's callback_data: 1–64 bytes, not checked by the library before the button is pressed. */
    static final int CALLBACK_DATA_BYTES = 64;

    private final SourceLinks links;
    private final int limit;

    ReplyFormatter(String portalBaseUrl) {
        this(portalBaseUrl, TELEGRAM_LIMIT);
    }

    ReplyFormatter(String portalBaseUrl, int limit) {
        this.links = new SourceLinks(portalBaseUrl);
        this.limit = limit;
    }

    List<String> format(Answer answer) {
        MessageSplitter out = new MessageSplitter(limit, TelegramHtml::escape);
        String text = answer.text() == null || answer.text().isBlank() ? ChannelTexts.EMPTY_ANSWER : answer.text().strip();
        out.text(text, "");
        List<Source> sources = answer.sources();
        if (!sources.isEmpty()) {
            out.whole(TelegramHtml.bold(sources.size() == 1 ? ChannelTexts.SOURCE : ChannelTexts.SOURCES), "\n\n");
            for (Source s : sources) {
                out.whole("• " + source(s), "\n");
            }
        }
        if (answer.fallback() && !answer.suggestions().isEmpty()) {
            out.whole(TelegramHtml.bold(ChannelTexts.SUGGESTIONS), "\n\n");
            for (String suggestion : answer.suggestions()) {
                out.text("• " + SourceLinks.shorten(suggestion, 200), "\n");
            }
        }
        return out.parts();
    }

    /** 👍 / 👎 under an answer; none when the answer id does not fit Telegram's 64-byte callback data. */
    static Optional<InlineKeyboardMarkup> feedbackButtons(String answerId) {
        if (!FeedbackPayload.fits(answerId, CALLBACK_DATA_BYTES)) {
            return Optional.empty();
        }
        InlineKeyboardRow row = new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("👍").callbackData(new FeedbackPayload(true, answerId).encode()).build(),
                InlineKeyboardButton.builder().text("👎").callbackData(new FeedbackPayload(false, answerId).encode()).build());
        return Optional.of(InlineKeyboardMarkup.builder().keyboardRow(row).build());
    }

    String absolute(String url) {
        return links.absolute(url);
    }

    private String source(Source s) {
        String title = links.title(s);
        String href = links.absolute(s.url());
        return href == null ? TelegramHtml.escape(title) : TelegramHtml.link(href, title);
    }
}

package vn.hoidap.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@link Answer} as Telegram messages: the escaped text, the sources as links into the portal (absolute,
 * since a relative link means nothing in Telegram), suggestions when the assistant could not answer, split
 * below Telegram's 4096-character limit; and the feedback buttons for the last part.
 */
final class ReplyFormatter {

    static final int TELEGRAM_LIMIT = 4096;
    private static final int MAX_TITLE = 200;

    private final String portalBase;
    private final int limit;

    ReplyFormatter(String portalBaseUrl) {
        this(portalBaseUrl, TELEGRAM_LIMIT);
    }

    ReplyFormatter(String portalBaseUrl, int limit) {
        String base = portalBaseUrl.strip();
        this.portalBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.limit = limit;
    }

    List<String> format(Answer answer) {
        MessageSplitter out = new MessageSplitter(limit);
        String text = answer.text() == null || answer.text().isBlank() ? BotTexts.EMPTY_ANSWER : answer.text().strip();
        out.text(text, "");
        List<Source> sources = answer.sources();
        if (!sources.isEmpty()) {
            out.html(TelegramHtml.bold(sources.size() == 1 ? "Nguồn:" : "Các nguồn:"), "\n\n");
            for (Source s : sources) {
                out.html("• " + source(s), "\n");
            }
        }
        if (answer.fallback() && !answer.suggestions().isEmpty()) {
            out.html(TelegramHtml.bold("Bạn có thể hỏi, ví dụ:"), "\n\n");
            for (String suggestion : answer.suggestions()) {
                out.text("• " + shorten(suggestion), "\n");
            }
        }
        return out.parts();
    }

    /** 👍 / 👎 under an answer; none when the answer id does not fit Telegram's 64-byte callback data. */
    static Optional<InlineKeyboardMarkup> feedbackButtons(String answerId) {
        if (!FeedbackData.fits(answerId)) {
            return Optional.empty();
        }
        InlineKeyboardRow row = new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("👍").callbackData(new FeedbackData(true, answerId).encode()).build(),
                InlineKeyboardButton.builder().text("👎").callbackData(new FeedbackData(false, answerId).encode()).build());
        return Optional.of(InlineKeyboardMarkup.builder().keyboardRow(row).build());
    }

    String absolute(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return u;
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            // javascript:, data: … have no business in a link to the portal.
            return null;
        }
        return portalBase + (u.startsWith("/") ? u : "/" + u);
    }

    private String source(Source s) {
        String title = s.title() != null && !s.title().isBlank() ? s.title().strip()
                : s.planId() != null ? s.planId() : "Nguồn";
        if (s.section() != null && !s.section().isBlank() && !title.contains(s.section())) {
            title = title + " (mục " + s.section().strip() + ")";
        }
        String href = absolute(s.url());
        return href == null ? TelegramHtml.escape(shorten(title)) : TelegramHtml.link(href, shorten(title));
    }

    private static String shorten(String text) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= MAX_TITLE) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_TITLE - 1)) + "…";
    }
}

package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import vn.hoidap.assistant.Answer;
import vn.hoidap.channel.ChannelAssistant;
import vn.hoidap.channel.ChannelMetrics;
import vn.hoidap.channel.ChannelTexts;
import vn.hoidap.channel.ChatRateLimits;
import vn.hoidap.channel.ChatStates;
import vn.hoidap.channel.FeedbackPayload;
import vn.hoidap.channel.FeedbackRecorder;
import vn.hoidap.channel.ProvinceCommand;
import vn.hoidap.channel.SeenEvents;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bot does with one update, however it arrived (long polling or webhook): commands, questions to the
 * assistant, feedback buttons. Anything else (stickers, photos, edits, channel posts, chatter in a group that
 * is not for the bot) gets a short Vietnamese reply in a private chat or nothing; no update can throw.
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class UpdateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    static final String CHANNEL = "telegram";
    /** "/tinh@hoidap_bot Đồng Nai" → command "tinh", addressee "hoidap_bot", argument "Đồng Nai". */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    private final TelegramApi api;
    private final ChannelAssistant assistant;
    private final FeedbackRecorder feedback;
    private final ChatSessionIds sessions;
    private final ChatStates chats;
    private final ProvinceCommand provinceCommand;
    private final ReplyFormatter formatter;
    private final ChatRateLimits.Limiter limiter;
    private final String configuredUsername;
    private final SeenEvents seen;
    private final ChannelMetrics metrics;
    private final String botKey;

    UpdateHandler(TelegramApi api, ChannelAssistant assistant, FeedbackRecorder feedback, ChatSessionIds sessions,
                  ChatStates chats, ProvinceCommand provinceCommand, SeenEvents seen, ChannelMetrics metrics,
                  ChatRateLimits rates, TelegramConfig config) {
        this.api = api;
        this.assistant = assistant;
        this.feedback = feedback;
        this.sessions = sessions;
        this.chats = chats;
        this.provinceCommand = provinceCommand;
        this.seen = seen;
        this.metrics = metrics;
        // The numeric bot id before the token's colon: not secret, and stable for the bot.
        this.botKey = config.token().strip().split(":", 2)[0];
        this.formatter = new ReplyFormatter(config.portalBaseUrl());
        this.limiter = rates.limiter(config);
        this.configuredUsername = config.username() == null || config.username().isBlank() ? null
                : config.username().strip().replaceFirst("^@", "");
    }

    void handle(Update update) {
        // Telegram delivers a webhook update again when our 200 was late; behind a load balancer the retry
        // may reach another instance. The bot's id keeps two bots on one database apart.
        if (update.getUpdateId() != null && !seen.firstTime(CHANNEL, botKey + ":" + update.getUpdateId())) {
            LOG.debug("Telegram: update {} already taken", update.getUpdateId());
            return;
        }
        try {
            if (update.hasCallbackQuery()) {
                onCallback(update.getCallbackQuery());
            } else if (update.hasMessage()) {
                onMessage(update.getMessage());
            } else {
                // Edits, channel posts, member changes …: an edit re-answered would be a second answer to the
                // same question, so they are left alone.
                LOG.debug("Telegram: update {} ignored (not a message or a button)", update.getUpdateId());
            }
        } catch (TelegramApiException e) {
            LOG.warn("Telegram: could not reply to update {}: {}", update.getUpdateId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Telegram: update {} failed", update.getUpdateId(), e);
        }
    }

    private void onMessage(Message m) throws TelegramApiException {
        Chat chat = m.getChat();
        if (chat == null || chat.getId() == null || m.getFrom() != null && Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return;
        }
        String type = chat.getType() == null ? "" : chat.getType();
        boolean group = type.equals("group") || type.equals("supergroup");
        if (!group && !type.equals("private")) {
            return;
        }
        long chatId = chat.getId();
        if (!m.hasText()) {
            // A sticker, photo, voice, document … In a group that is people talking to each other.
            if (!group && !isService(m)) {
                replyIfAllowed(chatId, m, ChannelTexts.NOT_TEXT);
            }
            return;
        }
        String text = m.getText();
        Matcher command = COMMAND.matcher(text.strip());
        if (command.matches()) {
            String addressee = command.group(2);
            if (addressee != null && !isMe(addressee)) {
                return;
            }
            if (allowed(chatId, m)) {
                onCommand(chatId, m, command.group(1).toLowerCase(Locale.ROOT), command.group(3));
            }
            return;
        }
        if (group) {
            Optional<String> addressed = addressedText(m, text);
            if (addressed.isEmpty()) {
                return;
            }
            text = addressed.get();
        }
        if (allowed(chatId, m)) {
            onQuestion(chatId, m, text.strip());
        }
    }

    private void onCommand(long chatId, Message m, String command, String argument) throws TelegramApiException {
        switch (command) {
            case "start" -> send(chatId, m, BotTexts.WELCOME);
            case "help" -> send(chatId, m, BotTexts.HELP.formatted(assistant.maxLength(), username().orElse("tên_bot")));
            case "tinh" -> onProvince(chatId, m, argument == null ? "" : argument.strip());
            default -> send(chatId, m, ChannelTexts.UNKNOWN_COMMAND);
        }
    }

    /** {@code /tinh <tên tỉnh>}: the choice is kept per chat and sent with later questions as their province. */
    private void onProvince(long chatId, Message m, String argument) throws TelegramApiException {
        send(chatId, m, provinceCommand.handle(sessions.of(chatId), CHANNEL, argument));
    }

    private void onQuestion(long chatId, Message m, String text) throws TelegramApiException {
        String session = sessions.of(chatId);
        String province = text.isEmpty() ? null : chats.province(session).orElse(null);
        ChannelAssistant.Outcome outcome = assistant.ask(text, session, CHANNEL, province);
        if (!outcome.answered()) {
            send(chatId, m, outcome.message());
            return;
        }
        Answer answer = outcome.answer();
        List<String> parts = formatter.format(answer);
        Optional<InlineKeyboardMarkup> buttons = ReplyFormatter.feedbackButtons(answer.answerId());
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            sendHtml(chatId, i == 0 ? m : null, parts.get(i), last ? buttons.orElse(null) : null);
        }
    }

    private void onCallback(CallbackQuery q) throws TelegramApiException {
        Optional<FeedbackPayload> data = FeedbackPayload.parse(q.getData());
        String reply = null;
        if (data.isPresent()) {
            reply = feedback.record(data.get());
            // The message may be an InaccessibleMessage (too old, or its chat is gone): only its chat id is used.
            MaybeInaccessibleMessage message = q.getMessage();
            LOG.debug("Telegram: feedback {} in chat {}", data.get().helpful() ? "👍" : "👎",
                    message == null ? "?" : message.getDate() == null || message.getDate() == 0 ? "(inaccessible)" : "ok");
        }
        // Always answered: otherwise the button keeps spinning on the person's screen.
        api.call(AnswerCallbackQuery.builder().callbackQueryId(q.getId()).text(reply).build());
    }

    /** In a group: the text without the @mention when the message is for the bot, else empty. */
    private Optional<String> addressedText(Message m, String text) {
        Optional<String> name = username();
        if (name.isPresent()) {
            Pattern mention = Pattern.compile("(?i)@" + Pattern.quote(name.get()) + "\\b");
            if (mention.matcher(text).find()) {
                return Optional.of(mention.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip());
            }
        }
        Message replied = m.getReplyToMessage();
        if (replied != null && replied.getFrom() != null && isMe(replied.getFrom())) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    private boolean isMe(String username) {
        return username().map(u -> u.equalsIgnoreCase(username)).orElse(false);
    }

    private boolean isMe(User user) {
        Optional<User> me = api.me();
        if (me.isPresent()) {
            return me.get().getId().equals(user.getId());
        }
        return Boolean.TRUE.equals(user.getIsBot()) && user.getUserName() != null && isMe(user.getUserName());
    }

    private Optional<String> username() {
        return configuredUsername != null ? Optional.of(configuredUsername) : api.me().map(User::getUserName);
    }

    private static boolean isService(Message m) {
        // Pinned messages, new members, chat photo changes … carry neither text nor media worth answering.
        return m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty() || m.getLeftChatMember() != null
                || m.getPinnedMessage() != null || m.getNewChatTitle() != null;
    }

    private boolean allowed(long chatId, Message m) throws TelegramApiException {
        return switch (limiter.acquire(sessions.of(chatId))) {
            case ALLOWED -> true;
            case WARN -> {
                send(chatId, m, ChannelTexts.SLOW_DOWN);
                yield false;
            }
            case DROP -> false;
        };
    }

    private void replyIfAllowed(long chatId, Message m, String text) throws TelegramApiException {
        if (allowed(chatId, m)) {
            send(chatId, m, text);
        }
    }

    private void send(long chatId, Message replyTo, String plain) throws TelegramApiException {
        sendHtml(chatId, replyTo, TelegramHtml.escape(plain), null);
    }

    private void sendHtml(long chatId, Message replyTo, String html, InlineKeyboardMarkup buttons)
            throws TelegramApiException {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(chatId)
                .text(html)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(buttons);
        boolean group = replyTo != null && replyTo.getChat() != null && !"private".equals(replyTo.getChat().getType());
        if (group) {
            // In a busy group, say which message this answers.
            send.replyParameters(ReplyParameters.builder().messageId(replyTo.getMessageId())
                    .allowSendingWithoutReply(true).build());
        }
        try {
            api.call(send.build());
            metrics.sent(CHANNEL, true);
        } catch (TelegramApiException | RuntimeException e) {
            metrics.sent(CHANNEL, false);
            throw e;
        }
    }
}

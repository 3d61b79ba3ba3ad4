package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.ChannelAssistant;
import vn.hoidap.channel.ChannelServices;
import vn.hoidap.channel.ChannelTexts;
import vn.hoidap.channel.ChatRateLimits;
import vn.hoidap.channel.ChatStates;
import vn.hoidap.channel.FeedbackPayload;
import vn.hoidap.channel.PlainReplies;
import vn.hoidap.channel.ReplyButton;
import vn.hoidap.channel.SessionIds;
import vn.hoidap.channel.SourceLinks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code entry[].messaging[]} event, on a worker thread: a text is answered (quick replies for 👍 / 👎 and
 * suggestions), a tapped quick reply or postback is taken by its payload (feedback, a suggested question, Get
 * Started), {@code /tinh} chooses the province, attachments get a polite reply; echoes, deliveries, reads and
 * reactions are left alone. The first answer of a conversation says that an automated assistant answers, and
 * nothing is sent once the 24-hour window of the person's message has closed.
 */
@Singleton
@Requires(property = MessengerConfig.PAGE_TOKEN, pattern = MessengerConfig.SET)
class MessengerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerEvents.class);
    static final String CHANNEL = "messenger";
    static final String SETTING = "messenger.session-salt";
    /** PSIDs are long numbers sent as strings; kept as text. */
    static final Pattern PSID = Pattern.compile("\\d{1,32}");
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z]+)(?:\\s+(.*))?$", Pattern.DOTALL);
    /** Meta: quick-reply payloads up to 1,000 characters. */
    private static final int MAX_PAYLOAD_BYTES = 1000;

    private final MessengerApi api;
    private final ChannelServices channel;
    private final SessionIds sessions;
    private final PlainReplies replies;
    private final ChatRateLimits.Limiter limiter;
    private final MessengerConfig config;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    MessengerEvents(MessengerApi api, ChannelServices channel, MessengerConfig config) {
        this.api = api;
        this.channel = channel;
        this.sessions = channel.sessions("fb-", config, SETTING);
        this.replies = new PlainReplies(new SourceLinks(config.portalBaseUrl()), config.textLimit(), MAX_PAYLOAD_BYTES,
                config.maxSuggestions(), config.quickReplyTitle());
        this.limiter = channel.limiter(config);
        this.config = config;
        this.window = Duration.ofHours(config.windowHours());
    }

    /** {@code event} is one element of {@code messaging[]}; {@code at} its timestamp. */
    void handle(JsonNode event, String eventId, Instant at) {
        JsonNode message = event.get("message");
        JsonNode postback = event.get("postback");
        if (message != null && message.path("is_echo").asBoolean(false)) {
            return;
        }
        if (message == null && postback == null) {
            // delivery, read, reaction, optin …: nothing to answer
            return;
        }
        if (!channel.seen().firstTime(CHANNEL, eventId)) {
            LOG.debug("Messenger: event {} already taken", eventId);
            return;
        }
        String psid = event.path("sender").path("id").asText("");
        if (!PSID.matcher(psid).matches()) {
            return;
        }
        Instant now = clock.instant();
        Instant windowEnds = at.plus(window);
        if (windowEnds.isBefore(now)) {
            // Meta refuses a RESPONSE after the window, and a bot may not use message tags to answer late.
            LOG.info("Messenger: event from before the 24-hour window left unanswered");
            return;
        }
        String session = sessions.of(psid);
        ChatStates.State before = channel.chats().inbound(session, CHANNEL, at);
        channel.metrics().received(CHANNEL, postback != null ? "postback" : "message");
        if (!allowed(psid, windowEnds)) {
            return;
        }
        String payload = postback != null ? postback.path("payload").asText("")
                : message.path("quick_reply").path("payload").asText("");
        if (!payload.isEmpty()) {
            onPayload(psid, session, before, payload, windowEnds, now);
            return;
        }
        String text = message.path("text").asText("");
        if (text.isBlank() && message.has("attachments")) {
            // Stickers during Meta's 2026 transition come as two attachments of one message: one reply.
            api.sendText(psid, ChannelTexts.NOT_TEXT, List.of(), windowEnds);
            return;
        }
        onText(psid, session, before, text, windowEnds, now);
    }

    private void onPayload(String psid, String session, ChatStates.State before, String payload, Instant windowEnds,
                           Instant now) {
        Optional<FeedbackPayload> verdict = FeedbackPayload.parse(payload);
        if (verdict.isPresent()) {
            api.sendText(psid, channel.feedback().record(verdict.get()), List.of(), windowEnds);
        } else if (payload.startsWith(MessengerApi.SUGGESTION)) {
            onText(psid, session, before, payload.substring(MessengerApi.SUGGESTION.length()), windowEnds, now);
        } else if (payload.equals(config.getStartedPayload())) {
            if (api.sendText(psid, ChannelTexts.GREETING, List.of(), windowEnds) == MessengerApi.Outcome.SENT) {
                channel.chats().disclosed(session, CHANNEL, now);
            }
        } else {
            LOG.debug("Messenger: payload not ours, ignored");
        }
    }

    private void onText(String psid, String session, ChatStates.State before, String raw, Instant windowEnds,
                        Instant now) {
        String text = raw == null ? "" : raw.strip();
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            String c = command.group(1).toLowerCase(Locale.ROOT);
            if (c.equals("tinh")) {
                api.sendText(psid, channel.provinces().handle(session, CHANNEL, command.group(2)), List.of(), windowEnds);
                return;
            }
            if (c.equals("start") || c.equals("help")) {
                api.sendText(psid, ChannelTexts.GREETING, List.of(), windowEnds);
                return;
            }
        }
        ChannelAssistant.Outcome outcome = channel.assistant().ask(text, session, CHANNEL, before.province());
        if (!outcome.answered()) {
            api.sendText(psid, outcome.message(), List.of(), windowEnds);
            return;
        }
        boolean disclose = config.disclosure() && before.startsConversation(now, window)
                && (before.disclosedAt() == null || before.disclosedAt().plus(window).isBefore(now));
        PlainReplies.Reply reply = replies.format(outcome.answer(), disclose ? ChannelTexts.DISCLOSURE : null);
        List<String> parts = reply.parts();
        for (int i = 0; i < parts.size(); i++) {
            List<ReplyButton> buttons = i == parts.size() - 1 ? reply.buttons() : List.of();
            if (api.sendText(psid, parts.get(i), buttons, windowEnds) != MessengerApi.Outcome.SENT) {
                return;
            }
        }
        if (disclose) {
            channel.chats().disclosed(session, CHANNEL, now);
        }
    }

    private boolean allowed(String psid, Instant windowEnds) {
        return switch (limiter.acquire(sessions.of(psid))) {
            case ALLOWED -> true;
            case WARN -> {
                api.sendText(psid, ChannelTexts.SLOW_DOWN, List.of(), windowEnds);
                yield false;
            }
            case DROP -> false;
        };
    }
}

package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the OA does with one verified webhook event, on a worker thread: a question is answered (split under
 * Zalo's 2,000 characters, 👍 / 👎 and suggestions as buttons), a tapped button's payload recorded as feedback,
 * {@code /tinh} chooses the province, a follow is greeted, pictures and stickers get a polite reply; the OA's
 * own echoes ({@code oa_send_*}), receipts, unfollows and unknown events are left alone. Every event is taken
 * once, whichever instance it reaches.
 */
@Singleton
@Requires(condition = ZaloEnabled.class)
class ZaloEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloEvents.class);
    static final String CHANNEL = "zalo";
    static final String SETTING = "zalo.session-salt";
    /** Zalo ids: 18–19 digit numbers sent as strings (never parsed as numbers). */
    private static final Pattern USER_ID = Pattern.compile("\\d{1,32}");
    private static final Pattern COMMAND = Pattern.compile("^[/#]([A-Za-z]+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Set<String> MEDIA = Set.of("user_send_image", "user_send_gif", "user_send_sticker",
            "user_send_audio", "user_send_video", "user_send_file", "user_send_location", "user_send_link",
            "user_send_business_card");
    /** After this long without a message, the next answer says again that a machine answers. */
    private static final Duration CONVERSATION_LAPSE = Duration.ofHours(24);
    /** What Zalo may hold in a button payload: not documented (UNCONFIRMED); kept well below Messenger's 1,000. */
    private static final int MAX_PAYLOAD_BYTES = 500;
    private static final int BUTTON_TITLE = 40;

    private final ZaloApi api;
    private final ChannelServices channel;
    private final SessionIds sessions;
    private final PlainReplies replies;
    private final ChatRateLimits.Limiter limiter;
    private final boolean disclosure;
    private final Clock clock;

    @Inject
    ZaloEvents(ZaloApi api, ChannelServices channel, ZaloConfig config) {
        this.api = api;
        this.channel = channel;
        this.sessions = channel.sessions("zl-", config, SETTING);
        this.replies = new PlainReplies(new SourceLinks(config.portalBaseUrl()), ZaloApi.TEXT_LIMIT, MAX_PAYLOAD_BYTES,
                Math.max(0, config.maxButtons() - 2), BUTTON_TITLE);
        this.limiter = channel.limiter(config);
        this.disclosure = config.disclosure();
        this.clock = Clock.systemUTC();
    }

    /** The user an event is from (to order one person's events), or null. */
    static String userOf(JsonNode event) {
        String id = ZaloOAuth.text(event.path("follower"), "id");
        if (id == null) {
            id = ZaloOAuth.text(event.path("sender"), "id");
        }
        return id != null && USER_ID.matcher(id).matches() ? id : null;
    }

    void handle(JsonNode event, String eventId) {
        String name = ZaloOAuth.text(event, "event_name");
        if (name == null || name.startsWith("oa_send_")) {
            return;
        }
        if (!channel.seen().firstTime(CHANNEL, eventId)) {
            LOG.debug("Zalo: event {} already taken", eventId);
            return;
        }
        // Known names only: the tag must not take whatever a sender writes.
        channel.metrics().received(CHANNEL, name.equals("follow") || name.equals("user_send_text") || MEDIA.contains(name)
                ? name : "other");
        String user = userOf(event);
        if (user == null) {
            return;
        }
        if (name.equals("follow")) {
            api.sendText(user, ChannelTexts.GREETING, List.of());
            channel.chats().disclosed(sessions.of(user), CHANNEL, clock.instant());
        } else if (name.equals("user_send_text")) {
            onText(user, ZaloOAuth.text(event.path("message"), "text"));
        } else if (MEDIA.contains(name)) {
            channel.chats().inbound(sessions.of(user), CHANNEL, clock.instant());
            if (allowed(user)) {
                api.sendText(user, ChannelTexts.NOT_TEXT, List.of());
            }
        } else {
            LOG.debug("Zalo: event {} ignored", name);
        }
    }

    private void onText(String user, String raw) {
        String session = sessions.of(user);
        Instant now = clock.instant();
        ChatStates.State before = channel.chats().inbound(session, CHANNEL, now);
        if (!allowed(user)) {
            return;
        }
        String text = raw == null ? "" : raw.strip();
        Optional<FeedbackPayload> verdict = FeedbackPayload.parse(text);
        if (verdict.isPresent()) {
            api.sendText(user, channel.feedback().record(verdict.get()), List.of());
            return;
        }
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            String c = command.group(1).toLowerCase(java.util.Locale.ROOT);
            if (c.equals("tinh")) {
                api.sendText(user, channel.provinces().handle(session, CHANNEL, command.group(2)), List.of());
                return;
            }
            if (c.equals("start") || c.equals("help")) {
                api.sendText(user, ChannelTexts.GREETING, List.of());
                return;
            }
        }
        ChannelAssistant.Outcome outcome = channel.assistant().ask(text, session, CHANNEL, before.province());
        if (!outcome.answered()) {
            api.sendText(user, outcome.message(), List.of());
            return;
        }
        boolean disclose = disclosure && before.startsConversation(now, CONVERSATION_LAPSE)
                && (before.disclosedAt() == null || before.disclosedAt().plus(CONVERSATION_LAPSE).isBefore(now));
        PlainReplies.Reply reply = replies.format(outcome.answer(), disclose ? ChannelTexts.DISCLOSURE : null);
        List<String> parts = reply.parts();
        for (int i = 0; i < parts.size(); i++) {
            List<ReplyButton> buttons = i == parts.size() - 1 ? reply.buttons() : List.of();
            if (api.sendText(user, parts.get(i), buttons) == ZaloApi.Outcome.OUTSIDE_WINDOW) {
                return;
            }
        }
        if (disclose) {
            channel.chats().disclosed(session, CHANNEL, now);
        }
    }

    private boolean allowed(String user) {
        return switch (limiter.acquire(sessions.of(user))) {
            case ALLOWED -> true;
            case WARN -> {
                api.sendText(user, ChannelTexts.SLOW_DOWN, List.of());
                yield false;
            }
            case DROP -> false;
        };
    }
}

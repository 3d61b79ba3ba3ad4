package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.Signatures;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /messenger/webhook}. GET answers Meta's subscription handshake (the challenge back when the verify
 * token matches, 403 otherwise). POST checks {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body with the
 * app secret: Meta signs the bytes it sent, with non-ASCII escaped, so the body is never re-serialised before
 * hashing; missing → 401, wrong → 403, nothing processed), hands every {@code entry[].messaging[]} event to a
 * worker and answers 200 at once. Events older than the accepted age (replays) are dropped.
 */
@Controller("/messenger/webhook")
@Requires(property = MessengerConfig.PAGE_TOKEN, pattern = MessengerConfig.SET)
class MessengerWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhookController.class);
    static final String SIGNATURE = "X-Hub-Signature-256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** More events than this in one delivery is not Meta's batching but an attack. */
    private static final int MAX_EVENTS = 1000;

    private final MessengerChannel channel;
    private final MessengerConfig config;
    private final byte[] appSecret;
    private final Duration maxAge;

    MessengerWebhookController(MessengerChannel channel, MessengerConfig config) {
        this.channel = channel;
        this.config = config;
        this.appSecret = Signatures.utf8(config.appSecret());
        this.maxAge = Duration.ofMinutes(config.maxEventAgeMinutes());
    }

    @Get(produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> verify(@Nullable @QueryValue("hub.mode") String mode,
                                @Nullable @QueryValue("hub.verify_token") String token,
                                @Nullable @QueryValue("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || !Signatures.sameSecret(config.verifyToken(), token)
                || challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            LOG.warn("Messenger: webhook verification refused (mode {}, token {})", mode,
                    token == null ? "missing" : "wrong");
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body("Mã xác minh không đúng.");
        }
        return HttpResponse.ok(challenge);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(SIGNATURE) String signature, @Nullable @Body byte[] body) {
        if (signature == null || signature.isBlank()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError("Thiếu chữ ký X-Hub-Signature-256."));
        }
        byte[] raw = body == null ? new byte[0] : body;
        String sig = signature.strip();
        if (!sig.regionMatches(true, 0, "sha256=", 0, 7)
                || !Signatures.matchesHex(Signatures.hmacSha256(appSecret, raw), sig.substring(7))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError("Chữ ký X-Hub-Signature-256 không đúng."));
        }
        JsonNode root;
        try {
            root = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException | RuntimeException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return ApiError.badRequest("Nội dung sự kiện từ Messenger không hợp lệ.");
        }
        if (!"page".equals(root.path("object").asText()) || !root.path("entry").isArray()) {
            // Another product's webhook (Instagram, WhatsApp …) pointed here: acknowledged, not ours.
            return HttpResponse.ok(Map.of("ignored", "not a page event"));
        }
        int taken = 0;
        Instant now = Instant.now();
        for (JsonNode entry : root.get("entry")) {
            JsonNode messaging = entry.path("messaging");
            if (!messaging.isArray()) {
                continue;
            }
            for (JsonNode event : messaging) {
                if (++taken > MAX_EVENTS) {
                    return ApiError.badRequest("Quá nhiều sự kiện trong một lần gửi.");
                }
                String psid = event.path("sender").path("id").asText("");
                if (!event.isObject() || !MessengerEvents.PSID.matcher(psid).matches()) {
                    continue;
                }
                Instant at = timestamp(event.get("timestamp"), entry.get("time"));
                if (at == null || at.plus(maxAge).isBefore(now) || at.minus(CLOCK_SKEW).isAfter(now)) {
                    LOG.info("Messenger: event ignored (no timestamp, or outside the accepted age)");
                    continue;
                }
                channel.accept(psid, event, eventId(event, psid), at);
            }
        }
        return HttpResponse.ok(Map.of());
    }

    /** Epoch millis as a number or (in dashboard tests) a string; seconds are taken for what they are. */
    private static Instant timestamp(JsonNode... candidates) {
        for (JsonNode n : candidates) {
            if (n == null || n.isNull() || n.isContainerNode()) {
                continue;
            }
            String t = n.asText().strip();
            if (t.matches("\\d{9,13}")) {
                long v = Long.parseLong(t);
                return t.length() <= 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
            }
        }
        return null;
    }

    private static String eventId(JsonNode event, String psid) {
        String mid = event.path("message").path("mid").asText("");
        if (mid.isEmpty()) {
            mid = event.path("postback").path("mid").asText("");
        }
        if (!mid.isEmpty() && mid.length() <= 200) {
            return "m:" + mid;
        }
        return "h:" + HexFormat.of().formatHex(Signatures.sha256(Signatures.utf8(psid + "|" + event)), 0, 16);
    }
}

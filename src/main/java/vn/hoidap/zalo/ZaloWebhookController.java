package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.Signatures;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code POST /zalo/webhook}: the signature is checked on the raw bytes before anything else is believed
 * (missing → 401, wrong → 403, nothing processed); then the event goes to a worker and Zalo gets its 200 at
 * once (it wants one within 2 s and retries otherwise), whatever the assistant or Zalo's API are doing.
 * Events older than {@code hoidap.zalo.max-event-age-minutes} (replays) are acknowledged and dropped.
 */
@Controller("/zalo/webhook")
@Requires(condition = ZaloEnabled.class)
class ZaloWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloWebhookController.class);
    static final String SIGNATURE = "X-ZEvent-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final ZaloChannel channel;
    private final ZaloSignature signature;
    private final Duration maxAge;

    ZaloWebhookController(ZaloChannel channel, ZaloConfig config) {
        this.channel = channel;
        this.signature = new ZaloSignature(config.appId(), config.signingSecret());
        this.maxAge = Duration.ofMinutes(config.maxEventAgeMinutes());
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(SIGNATURE) String mac, @Nullable @Body byte[] body) {
        if (mac == null || mac.isBlank()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError("Thiếu chữ ký X-ZEvent-Signature."));
        }
        if (body == null || body.length == 0) {
            return ApiError.badRequest("Thiếu nội dung sự kiện từ Zalo.");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return ApiError.badRequest("Nội dung sự kiện từ Zalo không hợp lệ.");
        }
        if (event == null || !event.isObject()) {
            return ApiError.badRequest("Nội dung sự kiện từ Zalo không hợp lệ.");
        }
        JsonNode ts = event.get("timestamp");
        String timestamp = ts == null || ts.isContainerNode() || ts.isNull() ? null : ts.asText();
        if (timestamp == null || !timestamp.matches("\\d{1,19}")) {
            return ApiError.badRequest("Sự kiện từ Zalo thiếu timestamp.");
        }
        if (!signature.verify(body, timestamp, mac)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError("Chữ ký X-ZEvent-Signature không đúng."));
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp.length() > 15 ? "0" : timestamp));
        Instant now = Instant.now();
        if (at.plus(maxAge).isBefore(now) || at.minus(CLOCK_SKEW).isAfter(now)) {
            LOG.info("Zalo: event of {} ignored (outside the accepted age)", at);
            return HttpResponse.ok(Map.of("ignored", "stale"));
        }
        channel.accept(event, eventId(event, body));
        return HttpResponse.ok(Map.of());
    }

    /** {@code msg_id} when the event has one; else the event, its user and its time (follows carry no id). */
    private static String eventId(JsonNode event, byte[] body) {
        String msgId = ZaloOAuth.text(event.path("message"), "msg_id");
        if (msgId != null && msgId.length() <= 100) {
            return "m:" + msgId;
        }
        return "h:" + HexFormat.of().formatHex(Signatures.sha256(body), 0, 16);
    }
}

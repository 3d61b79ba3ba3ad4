package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.ChannelMetrics;
import vn.hoidap.channel.PlatformCallFailed;
import vn.hoidap.channel.PlatformHttp;
import vn.hoidap.channel.ReplyButton;
import vn.hoidap.channel.Retry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consultation messages ("tin tư vấn") through {@code POST {ZALO_API_URL}/v3.0/oa/message/cs} with the
 * {@code access_token} header. Zalo answers HTTP 200 with {@code error} 0 or a negative code:
 * -216 / -220 (token invalid / expired) → one refresh and one resend; -230 / -232 (the person has not
 * interacted within the window) and -213 (not a follower) → logged, never retried; -32 (rate limit), HTTP 5xx
 * and network failures → bounded retries with back-off; anything else is final. A text with buttons that Zalo
 * refuses as an invalid parameter (-201) is sent again without them.
 */
@Singleton
@Requires(condition = ZaloEnabled.class)
class ZaloApi {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int TEXT_LIMIT = 2000;

    enum Outcome { SENT, OUTSIDE_WINDOW, FAILED }

    /** What one send came to; {@code buttonsRefused}: Zalo called the message with buttons an invalid parameter. */
    private record Result(Outcome outcome, boolean buttonsRefused) {
    }

    private final PlatformHttp http;
    private final ZaloTokens tokens;
    private final URI endpoint;
    private final ZaloConfig config;
    private final ChannelMetrics metrics;

    ZaloApi(ZaloPlatform platform, ZaloTokens tokens, ZaloConfig config, ChannelMetrics metrics) {
        this.http = platform.http();
        this.tokens = tokens;
        this.endpoint = URI.create(ZaloOAuth.stripSlash(config.apiUrl()) + "/v3.0/oa/message/cs");
        this.config = config;
        this.metrics = metrics;
    }

    Outcome sendText(String userId, String text, List<ReplyButton> buttons) {
        List<ReplyButton> shown = config.buttons() ? buttons.stream().limit(config.maxButtons()).toList() : List.of();
        Result result = send(body(userId, text, shown), !shown.isEmpty());
        if (result.buttonsRefused()) {
            LOG.warn("Zalo: a message with buttons was refused as invalid; sent without them "
                    + "(set ZALO_BUTTONS=false if this OA never accepts them)");
            result = send(body(userId, text, List.of()), false);
        }
        metrics.sent("zalo", result.outcome() == Outcome.SENT);
        return result.outcome();
    }

    private Result send(String body, boolean withButtons) {
        Optional<String> token = tokens.accessToken();
        if (token.isEmpty()) {
            LOG.error("Zalo: no access token; cannot reply (configure ZALO_OA_ACCESS_TOKEN / ZALO_OA_REFRESH_TOKEN)");
            return new Result(Outcome.FAILED, false);
        }
        boolean refreshed = false;
        String current = token.get();
        while (true) {
            try {
                String t = current;
                Retry.call("Zalo send", config.sendAttempts(), PlatformCallFailed.class, () -> post(t, body), this::waitAfter);
                return new Result(Outcome.SENT, false);
            } catch (PlatformCallFailed e) {
                if ((e.code() == -216 || e.code() == -220) && !refreshed) {
                    refreshed = true;
                    Optional<String> fresh = tokens.afterRejection(current);
                    if (fresh.isPresent()) {
                        current = fresh.get();
                        continue;
                    }
                }
                if (e.code() == -230 || e.code() == -232 || e.code() == -213) {
                    LOG.info("Zalo: not sent, the person is outside the OA's interaction window ({} {})", e.code(),
                            e.getMessage());
                    return new Result(Outcome.OUTSIDE_WINDOW, false);
                }
                if (e.code() == -201 && withButtons) {
                    return new Result(Outcome.FAILED, true);
                }
                LOG.warn("Zalo: message not sent: {} {}", e.code(), e.getMessage());
                return new Result(Outcome.FAILED, false);
            }
        }
    }

    private Void post(String accessToken, String body) throws PlatformCallFailed {
        PlatformHttp.Response r;
        try {
            r = http.post(endpoint, Map.of("access_token", accessToken), "application/json", body);
        } catch (IOException e) {
            throw new PlatformCallFailed(0, "network: " + e.getMessage());
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.has("error")) {
            throw new PlatformCallFailed(r.status() >= 500 ? 0 : -1, "HTTP " + r.status() + " without Zalo's JSON");
        }
        int code = json.get("error").asInt(-1);
        if (code != 0) {
            throw new PlatformCallFailed(code, json.path("message").asText(""));
        }
        return null;
    }

    private long waitAfter(PlatformCallFailed e, int attempt) {
        long max = config.maxRetryWaitSeconds() * 1000L;
        // 0: network or HTTP 5xx; -32: "reached limit call api". Everything else cannot get better by waiting.
        return e.code() == 0 || e.code() == -32 ? Retry.exponential(attempt, e.code() == -32 ? 1000 : 500, max) : Retry.GIVE_UP;
    }

    static String body(String userId, String text, List<ReplyButton> buttons) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("recipient").put("user_id", userId);
        ObjectNode message = root.putObject("message");
        message.put("text", text);
        if (!buttons.isEmpty()) {
            ArrayNode list = message.putObject("attachment").put("type", "template").putObject("payload").putArray("buttons");
            for (ReplyButton b : buttons) {
                ObjectNode button = list.addObject().put("title", b.title());
                if (b.kind() == ReplyButton.Kind.FEEDBACK) {
                    // Hidden: the person sees the thumb, Zalo sends us the payload as their text.
                    button.put("type", "oa.query.hide").put("payload", "#" + b.payload());
                } else {
                    // Shown: the suggested question appears in the chat as if typed, and is answered.
                    button.put("type", "oa.query.show").put("payload", b.payload());
                }
            }
        }
        return root.toString();
    }
}

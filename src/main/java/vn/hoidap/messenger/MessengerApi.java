package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Send API: {@code POST {MESSENGER_API_URL}/{version}/me/messages?access_token=…} with
 * {@code messaging_type: RESPONSE}, quick replies for 👍 / 👎 and suggested questions. Nothing is sent after
 * the person's 24-hour window closed (Meta refuses it, and a bot may not use message tags to answer).
 * Temporary errors (HTTP 5xx, network, Graph codes 1, 2, 4, 17, 32, 613: throttling) are retried with
 * back-off; 190 (bad page token) is logged loudly for an operator; 10 / 551 / 200 (window closed, person
 * unavailable, no permission) and every other error are final.
 */
@Singleton
@Requires(property = MessengerConfig.PAGE_TOKEN, pattern = MessengerConfig.SET)
class MessengerApi {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 4, 17, 32, 613);
    static final String SUGGESTION = "q:";

    enum Outcome { SENT, OUTSIDE_WINDOW, FAILED }

    private final PlatformHttp http;
    private final URI endpoint;
    private final MessengerConfig config;
    private final ChannelMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    MessengerApi(MessengerConfig config, ChannelMetrics metrics) {
        this.http = new PlatformHttp("messenger", Duration.ofSeconds(5), Duration.ofSeconds(config.requestTimeoutSeconds()));
        String base = config.apiUrl().strip().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/" + config.graphVersion().strip() + "/me/messages?access_token="
                + URLEncoder.encode(config.pageToken().strip(), StandardCharsets.UTF_8));
        this.config = config;
        this.metrics = metrics;
    }

    /** Sends unless {@code windowEnds} has passed (the person's last message plus 24 hours). */
    Outcome sendText(String psid, String text, List<ReplyButton> buttons, Instant windowEnds) {
        if (windowEnds.isBefore(clock.instant())) {
            LOG.info("Messenger: not sent, the 24-hour window of this conversation has closed");
            return Outcome.OUTSIDE_WINDOW;
        }
        String body = body(psid, text, buttons);
        try {
            Retry.call("Messenger send", config.sendAttempts(), PlatformCallFailed.class, () -> post(body), this::waitAfter);
            metrics.sent("messenger", true);
            return Outcome.SENT;
        } catch (PlatformCallFailed e) {
            metrics.sent("messenger", false);
            if (e.code() == 190) {
                LOG.error("Messenger: the page token is invalid or expired (190 {}); issue a new MESSENGER_PAGE_TOKEN",
                        e.getMessage());
            } else if (e.code() == 10 || e.code() == 551) {
                LOG.info("Messenger: not sent, the person cannot be messaged now ({} {})", e.code(), e.getMessage());
                return Outcome.OUTSIDE_WINDOW;
            } else {
                LOG.warn("Messenger: message not sent: {} {}", e.code(), e.getMessage());
            }
            return Outcome.FAILED;
        }
    }

    private Void post(String body) throws PlatformCallFailed {
        PlatformHttp.Response r;
        try {
            r = http.post(endpoint, Map.of(), "application/json", body);
        } catch (IOException e) {
            throw new PlatformCallFailed(0, "network: " + e.getMessage());
        }
        if (r.status() / 100 == 2) {
            return null;
        }
        JsonNode error = null;
        try {
            error = JSON.readTree(r.body()).get("error");
        } catch (IOException | RuntimeException ignored) {
            // not the Graph API's JSON (a proxy's error page)
        }
        if (error == null || !error.isObject()) {
            throw new PlatformCallFailed(r.status() >= 500 ? 0 : -1, "HTTP " + r.status());
        }
        throw new PlatformCallFailed(error.path("code").asInt(-1),
                error.path("message").asText("") + " (subcode " + error.path("error_subcode").asText("-") + ")");
    }

    private long waitAfter(PlatformCallFailed e, int attempt) {
        long max = config.maxRetryWaitSeconds() * 1000L;
        return e.code() == 0 || TEMPORARY.contains(e.code()) ? Retry.exponential(attempt, 500, max) : Retry.GIVE_UP;
    }

    String body(String psid, String text, List<ReplyButton> buttons) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("recipient").put("id", psid);
        root.put("messaging_type", "RESPONSE");
        ObjectNode message = root.putObject("message");
        message.put("text", text);
        if (!buttons.isEmpty()) {
            ArrayNode quick = message.putArray("quick_replies");
            for (ReplyButton b : buttons.stream().limit(13).toList()) {
                String payload = b.kind() == ReplyButton.Kind.SUGGESTION ? SUGGESTION + b.payload() : b.payload();
                quick.addObject().put("content_type", "text").put("title", b.title()).put("payload", payload);
            }
        }
        return root.toString();
    }

    @PreDestroy
    void close() {
        http.close();
    }
}

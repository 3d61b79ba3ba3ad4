package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoidap.channel.FakePlatform;
import vn.hoidap.channel.Signatures;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zalo's OA API and OAuth server on loopback, as strict as the real ones where it is documented:
 * {@code POST /v3.0/oa/message/cs} needs the {@code access_token} header of the one valid token (-216 otherwise),
 * JSON with {@code recipient.user_id} and a text of 1–2,000 characters (-201 otherwise), buttons as template
 * buttons of known types; {@code POST /v4/oa/access_token} needs {@code secret_key}, a form with the app id and
 * {@code grant_type=refresh_token}, and a refresh token that was never used: each refresh issues a new pair and
 * invalidates both old tokens. Also signs webhook events the way Zalo does.
 */
final class FakeZaloApi extends FakePlatform {

    static final String CS = "/v3.0/oa/message/cs";
    static final String TOKEN = "/v4/oa/access_token";
    private static final Set<String> BUTTON_TYPES = Set.of("oa.open.url", "oa.query.show", "oa.query.hide",
            "oa.open.phone", "oa.open.sms");

    private final String appId;
    private final String appSecret;
    private volatile String accessToken;
    private volatile String refreshToken;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final Map<String, Deque<Integer>> errorsFor = new HashMap<>();
    private volatile long refreshDelayMillis;
    private volatile CountDownLatch holdSends;
    private volatile int maxButtons = 5;

    FakeZaloApi(String appId, String appSecret, String accessToken, String refreshToken) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    /** Zalo invalidates the access token (as when another app issued a new one): the next send gets -216. */
    void revokeAccessToken() {
        accessToken = "revoked-" + generation.incrementAndGet();
    }

    void refreshDelay(long millis) {
        refreshDelayMillis = millis;
    }

    void maxButtons(int max) {
        maxButtons = max;
    }

    /** The next sends to {@code userId} fail with these Zalo error codes, one per attempt. */
    synchronized void failSends(String userId, int... codes) {
        Deque<Integer> q = errorsFor.computeIfAbsent(userId, k -> new ArrayDeque<>());
        for (int c : codes) {
            q.add(c);
        }
    }

    /** Sends wait until the returned latch is released (a slow Zalo). */
    CountDownLatch holdSends() {
        holdSends = new CountDownLatch(1);
        return holdSends;
    }

    @Override
    protected Reply answer(Call call) throws Exception {
        if (!call.method().equals("POST")) {
            return new Reply(405, "{}");
        }
        return switch (call.path()) {
            case CS -> send(call);
            case TOKEN -> refresh(call);
            default -> new Reply(404, "{\"error\":-404,\"message\":\"not found\"}");
        };
    }

    private Reply send(Call call) throws InterruptedException {
        CountDownLatch hold = holdSends;
        if (hold != null) {
            hold.await(30, TimeUnit.SECONDS);
        }
        if (!accessToken.equals(call.header("access_token"))) {
            return error(-216, "Access token is invalid");
        }
        if (call.header("content-type") == null || !call.header("content-type").startsWith("application/json")
                || call.json() == null) {
            return error(-201, "Parameters are invalid");
        }
        JsonNode json = call.json();
        String user = json.path("recipient").path("user_id").asText("");
        String text = json.path("message").path("text").asText("");
        if (!user.matches("\\d+") || json.path("recipient").path("user_id").isNumber() || text.isEmpty()
                || text.length() > 2000) {
            return error(-201, "Parameters are invalid");
        }
        JsonNode attachment = json.path("message").get("attachment");
        if (attachment != null) {
            JsonNode buttons = attachment.path("payload").path("buttons");
            if (!"template".equals(attachment.path("type").asText()) || !buttons.isArray() || buttons.isEmpty()
                    || buttons.size() > maxButtons) {
                return error(-201, "Parameters are invalid");
            }
            for (JsonNode b : buttons) {
                if (b.path("title").asText("").isBlank() || !BUTTON_TYPES.contains(b.path("type").asText())
                        || !b.has("payload")) {
                    return error(-201, "Parameters are invalid");
                }
            }
        }
        Integer failure;
        synchronized (this) {
            Deque<Integer> q = errorsFor.get(user);
            failure = q == null ? null : q.poll();
        }
        if (failure != null) {
            return error(failure, "canned failure");
        }
        return new Reply(200, "{\"data\":{\"message_id\":\"" + Integer.toHexString(messageIds.incrementAndGet())
                + "\",\"user_id\":\"" + user + "\",\"sent_time\":\"" + System.currentTimeMillis()
                + "\"},\"error\":0,\"message\":\"Success\"}");
    }

    private synchronized Reply refresh(Call call) {
        sleep(refreshDelayMillis);
        if (!appSecret.equals(call.header("secret_key"))
                || !String.valueOf(call.header("content-type")).startsWith("application/x-www-form-urlencoded")) {
            return new Reply(200, "{\"error\":-14002,\"error_name\":\"Invalid app secret\"}");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : call.body().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!appId.equals(form.get("app_id")) || !"refresh_token".equals(form.get("grant_type"))) {
            return new Reply(200, "{\"error\":-14003,\"error_name\":\"Invalid parameter\"}");
        }
        if (refreshToken == null || !refreshToken.equals(form.get("refresh_token"))) {
            return new Reply(200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}");
        }
        int g = generation.incrementAndGet();
        accessToken = "access-" + g;
        refreshToken = "refresh-" + g;
        return new Reply(200, "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken
                + "\",\"expires_in\":\"90000\"}");
    }

    private static Reply error(int code, String message) {
        return new Reply(200, "{\"error\":" + code + ",\"message\":\"" + message + "\"}");
    }

    /** X-ZEvent-Signature as Zalo sends it: mac= + sha256(appId + body + timestamp + OA secret key). */
    static String sign(String appId, byte[] body, String timestamp, String secret) {
        return "mac=" + HexFormat.of().formatHex(Signatures.sha256(Signatures.utf8(appId), body,
                Signatures.utf8(timestamp), Signatures.utf8(secret)));
    }
}

package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoidap.channel.FakePlatform;
import vn.hoidap.channel.Signatures;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Graph API's Send API on loopback, as strict as Meta documents it: {@code POST /v25.0/me/messages} with the
 * page token as {@code access_token} query parameter (190 OAuthException otherwise), JSON with
 * {@code recipient.id}, a {@code messaging_type}, a text of 1–2,000 characters and at most 13 quick replies of
 * {@code content_type: text} with a title of 1–20 characters and a payload of at most 1,000 (code 100
 * otherwise). Also builds webhook deliveries the way Meta does: non-ASCII escaped as {@code \\uXXXX}, signed
 * with HMAC-SHA256 of those bytes.
 */
final class FakeGraphApi extends FakePlatform {

    static final String MESSAGES = "/v25.0/me/messages";
    private static final Set<String> TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG");

    private final String pageToken;
    private final AtomicInteger ids = new AtomicInteger(1);
    private final Deque<String> failures = new ArrayDeque<>();

    FakeGraphApi(String pageToken) {
        this.pageToken = pageToken;
    }

    /** The next sends answer with these Graph error bodies (JSON of "error"), one per attempt; "500" for HTTP 500. */
    synchronized void failNext(String... errors) {
        failures.addAll(java.util.List.of(errors));
    }

    @Override
    protected Reply answer(Call call) {
        if (!call.path().equals(MESSAGES) || !call.method().equals("POST")) {
            return error(400, 100, "Unknown path components", null);
        }
        String token = null;
        if (call.query() != null) {
            for (String pair : call.query().split("&")) {
                if (pair.startsWith("access_token=")) {
                    token = URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8);
                }
            }
        }
        if (!pageToken.equals(token)) {
            return error(400, 190, "Invalid OAuth access token.", null);
        }
        JsonNode json = call.json();
        if (json == null || !String.valueOf(call.header("content-type")).startsWith("application/json")) {
            return error(400, 100, "Invalid parameter", null);
        }
        String text = json.path("message").path("text").asText("");
        if (!json.path("recipient").path("id").isTextual() || !TYPES.contains(json.path("messaging_type").asText())
                || text.isEmpty() || text.length() > 2000) {
            return error(400, 100, "Invalid parameter", null);
        }
        JsonNode quick = json.path("message").get("quick_replies");
        if (quick != null) {
            if (!quick.isArray() || quick.size() > 13) {
                return error(400, 100, "Invalid parameter", null);
            }
            for (JsonNode q : quick) {
                String title = q.path("title").asText("");
                if (!"text".equals(q.path("content_type").asText()) || title.isEmpty()
                        || title.codePointCount(0, title.length()) > 20
                        || q.path("payload").asText("").getBytes(StandardCharsets.UTF_8).length > 1000) {
                    return error(400, 100, "Invalid parameter", null);
                }
            }
        }
        String failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            return failure.equals("500") ? new Reply(500, "<html>Server Error</html>") : new Reply(400, failure);
        }
        return new Reply(200, "{\"recipient_id\":\"" + json.path("recipient").path("id").asText()
                + "\",\"message_id\":\"m_" + ids.incrementAndGet() + "\"}");
    }

    private static Reply error(int status, int code, String message, Integer subcode) {
        return new Reply(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }

    /** JSON as Meta sends it: every non-ASCII character as a lowercase \\uXXXX escape. */
    static String asciiEscaped(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    static String sign(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256(Signatures.utf8(appSecret), body));
    }
}

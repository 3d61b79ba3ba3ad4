package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.hoidap.channel.PlatformHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST {ZALO_OAUTH_URL}/v4/oa/access_token} with the refresh token (form-encoded, the app secret in the
 * {@code secret_key} header). Zalo answers a new access token, a NEW refresh token (the old one is spent) and
 * {@code expires_in} as a string of seconds.
 */
final class ZaloOAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The new pair; {@code expiresIn} as Zalo gave it. */
    record Grant(String accessToken, String refreshToken, Duration expiresIn) {
    }

    /** Zalo refused the refresh token (spent, expired, revoked): only a new authorisation helps. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final PlatformHttp http;
    private final URI endpoint;
    private final String appId;
    private final String appSecret;

    ZaloOAuth(PlatformHttp http, String oauthUrl, String appId, String appSecret) {
        this.http = http;
        this.endpoint = URI.create(stripSlash(oauthUrl) + "/v4/oa/access_token");
        this.appId = appId == null ? "" : appId;
        this.appSecret = appSecret == null ? "" : appSecret;
    }

    Grant refresh(String refreshToken, Duration defaultLifetime) throws IOException, Refused {
        String form = "refresh_token=" + enc(refreshToken) + "&app_id=" + enc(appId) + "&grant_type=refresh_token";
        PlatformHttp.Response r = http.post(endpoint, Map.of("secret_key", appSecret),
                "application/x-www-form-urlencoded", form);
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("Zalo OAuth answered HTTP " + r.status() + " without JSON");
        }
        if (r.status() >= 500) {
            throw new IOException("Zalo OAuth answered HTTP " + r.status());
        }
        String access = text(body, "access_token");
        String refresh = text(body, "refresh_token");
        if (access == null || refresh == null) {
            throw new Refused("error " + text(body, "error") + " " + firstOf(body, "error_name", "message",
                    "error_description"));
        }
        Duration lifetime = defaultLifetime;
        String expires = text(body, "expires_in");
        if (expires != null && expires.strip().matches("\\d{1,9}")) {
            lifetime = Duration.ofSeconds(Long.parseLong(expires.strip()));
        }
        return new Grant(access, refresh, lifetime);
    }

    private static String firstOf(JsonNode body, String... fields) {
        for (String f : fields) {
            String v = text(body, f);
            if (v != null) {
                return v;
            }
        }
        return "";
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
    }

    static String stripSlash(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package vn.hoidap.zalo;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import vn.hoidap.channel.PlatformHttp;

import java.time.Duration;

/** The HTTP client to Zalo's two hosts (OA API and OAuth), owned here and closed on shutdown. */
@Singleton
@Requires(condition = ZaloEnabled.class)
class ZaloPlatform {

    private final PlatformHttp http;
    private final ZaloOAuth oauth;

    ZaloPlatform(ZaloConfig config) {
        this.http = new PlatformHttp("zalo", Duration.ofSeconds(5), Duration.ofSeconds(config.requestTimeoutSeconds()));
        this.oauth = new ZaloOAuth(http, config.oauthUrl(), config.appId(), config.appSecret());
    }

    PlatformHttp http() {
        return http;
    }

    ZaloOAuth oauth() {
        return oauth;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}

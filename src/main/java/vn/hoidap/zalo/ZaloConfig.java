package vn.hoidap.zalo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import vn.hoidap.channel.ChannelSettings;

/**
 * The Zalo Official Account channel, on only when {@code ZALO_OA_ACCESS_TOKEN} or {@code ZALO_OA_REFRESH_TOKEN}
 * is set. {@code apiUrl} / {@code oauthUrl} let the tests (or a proxy) stand in for Zalo. Choices the public
 * documentation does not settle are settings (marked UNCONFIRMED in the README): which secret signs webhooks,
 * whether text messages may carry buttons, how many.
 */
@ConfigurationProperties("hoidap.zalo")
public record ZaloConfig(
        @Nullable String appId,
        @Nullable String appSecret,
        @Nullable String oaSecretKey,
        @Nullable String accessToken,
        @Nullable String refreshToken,
        @NotBlank @Bindable(defaultValue = "https://openapi.zalo.me") String apiUrl,
        @NotBlank @Bindable(defaultValue = "https://oauth.zaloapp.com") String oauthUrl,
        @NotBlank @Bindable(defaultValue = "http://localhost:8080") String portalBaseUrl,
        @Nullable String sessionSalt,
        @NotBlank @Pattern(regexp = "oa-secret-key|app-secret") @Bindable(defaultValue = "oa-secret-key") String signatureKey,
        @Bindable(defaultValue = "true") boolean buttons,
        @Min(0) @Max(10) @Bindable(defaultValue = "4") int maxButtons,
        @Min(1) @Max(100) @Bindable(defaultValue = "5") int rateLimitMessages,
        @Min(1) @Max(3600) @Bindable(defaultValue = "10") int rateLimitSeconds,
        @Min(1) @Bindable(defaultValue = "10000") int maxChats,
        @Min(1) @Max(16) @Bindable(defaultValue = "2") int workers,
        @Min(1) @Max(10) @Bindable(defaultValue = "4") int sendAttempts,
        @Min(1) @Max(600) @Bindable(defaultValue = "30") int maxRetryWaitSeconds,
        @Min(1) @Max(120) @Bindable(defaultValue = "10") int requestTimeoutSeconds,
        @Min(1) @Bindable(defaultValue = "1440") int maxEventAgeMinutes,
        @Min(1) @Bindable(defaultValue = "60") int refreshMarginMinutes,
        @Min(1) @Bindable(defaultValue = "25") int accessTokenHours,
        @Bindable(defaultValue = "true") boolean disclosure) implements ChannelSettings {

    static final String ACCESS_TOKEN = "hoidap.zalo.access-token";
    static final String REFRESH_TOKEN = "hoidap.zalo.refresh-token";

    /** The key that signs webhooks: the OA secret key (Zalo's documented choice) or, if configured, the app secret. */
    String signingSecret() {
        return "app-secret".equals(signatureKey) ? appSecret : oaSecretKey;
    }

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}

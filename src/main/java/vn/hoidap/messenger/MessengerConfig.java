package vn.hoidap.messenger;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import vn.hoidap.channel.ChannelSettings;

/**
 * The Facebook Messenger channel, on only when {@code MESSENGER_PAGE_TOKEN} is set. {@code apiUrl} lets the
 * tests (or a proxy) stand in for the Graph API; {@code graphVersion} follows Meta's versioning. Limits the
 * public documentation leaves open (text length, quick-reply title length) are settings.
 */
@ConfigurationProperties("hoidap.messenger")
public record MessengerConfig(
        @Nullable String pageToken,
        @Nullable String appSecret,
        @Nullable String verifyToken,
        @NotBlank @Bindable(defaultValue = "https://graph.facebook.com") String apiUrl,
        @NotBlank @Bindable(defaultValue = "v25.0") String graphVersion,
        @NotBlank @Bindable(defaultValue = "http://localhost:8080") String portalBaseUrl,
        @Nullable String sessionSalt,
        @NotBlank @Bindable(defaultValue = "GET_STARTED") String getStartedPayload,
        @Min(100) @Max(2000) @Bindable(defaultValue = "2000") int textLimit,
        @Min(1) @Max(20) @Bindable(defaultValue = "20") int quickReplyTitle,
        @Min(0) @Max(11) @Bindable(defaultValue = "3") int maxSuggestions,
        @Min(1) @Max(168) @Bindable(defaultValue = "24") int windowHours,
        @Min(1) @Max(100) @Bindable(defaultValue = "5") int rateLimitMessages,
        @Min(1) @Max(3600) @Bindable(defaultValue = "10") int rateLimitSeconds,
        @Min(1) @Bindable(defaultValue = "10000") int maxChats,
        @Min(1) @Max(16) @Bindable(defaultValue = "2") int workers,
        @Min(1) @Max(10) @Bindable(defaultValue = "4") int sendAttempts,
        @Min(1) @Max(600) @Bindable(defaultValue = "30") int maxRetryWaitSeconds,
        @Min(1) @Max(120) @Bindable(defaultValue = "10") int requestTimeoutSeconds,
        @Min(1) @Bindable(defaultValue = "1440") int maxEventAgeMinutes,
        @Bindable(defaultValue = "true") boolean disclosure) implements ChannelSettings {

    static final String PAGE_TOKEN = "hoidap.messenger.page-token";
    static final String SET = "\\S+";

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}

package vn.hoidap.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.util.Locale;
import vn.hoidap.channel.ChannelSettings;

/**
 * The Telegram bot, on only when {@code TELEGRAM_BOT_TOKEN} is set. {@code apiUrl} lets both the polling and
 * the sending client talk to another server speaking the Bot API (a local Bot API server, a test fake);
 * {@code portalBaseUrl} turns the portal's relative source links into links people can open from Telegram.
 */
@ConfigurationProperties("hoidap.telegram")
public record TelegramConfig(
        @Nullable String token,
        @NotBlank @Bindable(defaultValue = "https://api.telegram.org") String apiUrl,
        @NotBlank @Pattern(regexp = "(?i)\\s*(polling|webhook)\\s*") @Bindable(defaultValue = "polling") String mode,
        @Nullable String webhookSecret,
        @Nullable String webhookUrl,
        @Nullable String sessionSalt,
        @Nullable String username,
        @NotBlank @Bindable(defaultValue = "http://localhost:8080") String portalBaseUrl,
        @Min(1) @Max(100) @Bindable(defaultValue = "5") int rateLimitMessages,
        @Min(1) @Max(3600) @Bindable(defaultValue = "10") int rateLimitSeconds,
        @Min(1) @Max(10) @Bindable(defaultValue = "4") int sendAttempts,
        @Min(1) @Max(600) @Bindable(defaultValue = "30") int maxRetryWaitSeconds,
        @Min(1) @Max(16) @Bindable(defaultValue = "2") int workers,
        @Min(1) @Bindable(defaultValue = "10000") int maxChats,
        @Min(50) @Max(600_000) @Bindable(defaultValue = "5000") int electionIntervalMillis) implements ChannelSettings {

    /** How updates arrive: the bot asks for them (no public URL needed) or Telegram posts them to us. */
    public enum Mode { POLLING, WEBHOOK }

    /** {@code TELEGRAM_MODE}, in any letter case; anything else was refused at start-up by the pattern. */
    public Mode updateMode() {
        return Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    }

    static final String TOKEN = "hoidap.telegram.token";
    /** A token is "set" when it has a non-blank value; {@code ${TELEGRAM_BOT_TOKEN:}} yields an empty one. */
    static final String SET = "\\S+";
}

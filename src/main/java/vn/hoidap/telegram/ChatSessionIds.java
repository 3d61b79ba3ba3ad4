package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.hoidap.channel.SessionIds;
import vn.hoidap.system.GeneratedSecrets;

/**
 * One assistant session per chat, named {@code "tg-" + 32 hex of SHA-256(salt + chat id)} (see
 * {@link SessionIds}). The salt is {@code TELEGRAM_SESSION_SALT}, or generated once and kept in app_setting.
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class ChatSessionIds {

    static final String SETTING = "telegram.session-salt";

    private final SessionIds ids;

    @Inject
    ChatSessionIds(TelegramConfig config, GeneratedSecrets secrets) {
        this.ids = SessionIds.of("tg-", config.sessionSalt(), SETTING, secrets);
    }

    ChatSessionIds(String salt) {
        this.ids = new SessionIds("tg-", salt);
    }

    String of(long chatId) {
        return ids.of(Long.toString(chatId));
    }
}

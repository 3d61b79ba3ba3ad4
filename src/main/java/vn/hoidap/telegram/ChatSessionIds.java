package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import vn.hoidap.system.GeneratedSecrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One assistant session per chat, named {@code "tg-" + 32 hex of SHA-256(salt + chat id)}: stable for a chat
 * across restarts (follow-ups and the log's session counts work) without the chat id ever leaving this
 * class. The salt is {@code TELEGRAM_SESSION_SALT}, or generated once and kept in app_setting.
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class ChatSessionIds {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSessionIds.class);
    static final String SETTING = "telegram.session-salt";

    private final byte[] salt;

    @Inject
    ChatSessionIds(TelegramConfig config, GeneratedSecrets secrets) {
        this.salt = salt(config.sessionSalt(), secrets).getBytes(StandardCharsets.UTF_8);
    }

    ChatSessionIds(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    String of(long chatId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] digest = sha.digest(Long.toString(chatId).getBytes(StandardCharsets.UTF_8));
            return "tg-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String salt(String configured, GeneratedSecrets secrets) {
        try {
            return secrets.configuredOrStored(configured, SETTING);
        } catch (RuntimeException e) {
            // The bot still works; only the session ids change at the next restart.
            LOG.warn("Telegram: cannot keep the session salt in the database ({}); using one for this run only",
                    e.getMessage());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }
}

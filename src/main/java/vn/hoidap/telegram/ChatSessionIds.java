package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    ChatSessionIds(TelegramConfig config, JdbcOperations jdbc) {
        String configured = config.sessionSalt();
        this.salt = (configured != null && !configured.isBlank() ? configured : storedSalt(jdbc))
                .getBytes(StandardCharsets.UTF_8);
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

    private static String storedSalt(JdbcOperations jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = HexFormat.of().formatHex(random);
        try {
            // Insert-if-absent then read back: two instances starting together agree on one salt.
            return jdbc.execute(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO app_setting(name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                    insert.setString(1, SETTING);
                    insert.setString(2, candidate);
                    if (insert.executeUpdate() == 1) {
                        LOG.info("Telegram: generated the chat-session salt and stored it in app_setting");
                    }
                }
                try (PreparedStatement read = c.prepareStatement("SELECT value FROM app_setting WHERE name = ?")) {
                    read.setString(1, SETTING);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
        } catch (RuntimeException e) {
            // The bot still works; only the session ids change at the next restart.
            LOG.warn("Telegram: cannot keep the session salt in the database ({}); using one for this run only",
                    e.getMessage());
            return candidate;
        }
    }
}

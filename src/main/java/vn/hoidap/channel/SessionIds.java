package vn.hoidap.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.system.GeneratedSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One assistant session per chat, named {@code prefix + 32 hex of SHA-256(salt + chat id)}: stable for a chat
 * across restarts and instances (follow-ups, the chat's chosen province and the log's session counts work)
 * without the platform's user id ever leaving the channel. The salt is configured, or generated once and
 * kept in app_setting so every instance hashes alike.
 */
public final class SessionIds {

    private static final Logger LOG = LoggerFactory.getLogger(SessionIds.class);

    private final String prefix;
    private final byte[] salt;

    public SessionIds(String prefix, String salt) {
        this.prefix = prefix;
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured salt, else the one kept under {@code setting}; for this run only if the database is away. */
    public static SessionIds of(String prefix, String configuredSalt, String setting, GeneratedSecrets secrets) {
        String salt;
        try {
            salt = secrets.configuredOrStored(configuredSalt, setting);
        } catch (RuntimeException e) {
            // The channel still works; only the session ids change at the next restart.
            LOG.warn("{}: cannot keep the session salt in the database ({}); using one for this run only", prefix,
                    e.getMessage());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            salt = HexFormat.of().formatHex(random);
        }
        return new SessionIds(prefix, salt);
    }

    public String of(String chatId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] digest = sha.digest(chatId.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

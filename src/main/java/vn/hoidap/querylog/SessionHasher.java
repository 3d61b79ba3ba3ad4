package vn.hoidap.querylog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import vn.hoidap.system.GeneratedSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Salted SHA-256 of session and chat ids, so the log can count sessions and find a session's latest
 * answer without holding the id itself. The salt comes from {@code HOIDAP_LOG_SALT} or is generated once
 * and kept in app_setting (read at start-up, when the database is known to be there: Flyway just ran).
 */
@Singleton
class SessionHasher {

    static final String SETTING = "querylog.session-salt";

    private final byte[] salt;
    /** Hashes of recently seen sessions (bounded: ids are whatever clients send). */
    private final Cache<String, String> recent = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();

    SessionHasher(QueryLogConfig config, GeneratedSecrets secrets) {
        this.salt = secrets.configuredOrStored(config.salt(), SETTING).getBytes(StandardCharsets.UTF_8);
    }

    String hash(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return null;
        }
        // a conversation's turns, its feedback and the rate limiter ask for the same session again and again
        return recent.get(sessionId, this::digest);
    }

    private String digest(String sessionId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

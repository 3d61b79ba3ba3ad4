package vn.hoidap.querylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
 * Salted SHA-256 of session and chat ids, so the log can count sessions and find a session's latest
 * answer without holding the id itself. The salt comes from {@code HOIDAP_LOG_SALT} or is generated once
 * and kept in app_setting (read at start-up, when the database is known to be there: Flyway just ran).
 */
@Singleton
class SessionHasher {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHasher.class);
    static final String SETTING = "querylog.session-salt";

    private final byte[] salt;

    SessionHasher(QueryLogConfig config, JdbcOperations jdbc) {
        String configured = config.salt();
        this.salt = (configured != null && !configured.isBlank() ? configured : storedSalt(jdbc))
                .getBytes(StandardCharsets.UTF_8);
    }

    String hash(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String storedSalt(JdbcOperations jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = HexFormat.of().formatHex(random);
        // Insert-if-absent then read back: two instances starting together still agree on one salt.
        return jdbc.execute(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO app_setting(name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, SETTING);
                insert.setString(2, candidate);
                if (insert.executeUpdate() == 1) {
                    LOG.info("Query log: generated the session-hash salt and stored it in app_setting");
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
    }
}

package vn.hoidap.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

/**
 * Secrets the service generates once and keeps in {@code app_setting} (hash salts), so hashed ids stay
 * stable across restarts without anyone having to configure them.
 */
@Singleton
public final class GeneratedSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedSecrets.class);

    private final JdbcOperations jdbc;

    GeneratedSecrets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The configured value when set, otherwise the stored (or newly generated) secret called {@code name}. */
    public String configuredOrStored(String configured, String name) {
        return configured != null && !configured.isBlank() ? configured : stored(name);
    }

    /** 32 random bytes as hex, generated on first use; insert-if-absent, so instances starting together agree. */
    public String stored(String name) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = HexFormat.of().formatHex(random);
        return jdbc.execute(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO app_setting(name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, candidate);
                if (insert.executeUpdate() == 1) {
                    LOG.info("Generated secret '{}' and stored it in app_setting", name);
                }
            }
            try (PreparedStatement read = c.prepareStatement("SELECT value FROM app_setting WHERE name = ?")) {
                read.setString(1, name);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}

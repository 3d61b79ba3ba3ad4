package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real embedded PostgreSQL for the whole test run, started before the first test class. Its URL goes
 * into system properties, which every Micronaut context reads, so tests need no per-class set-up.
 * A test that needs its own server (to stop it, say) starts one with {@link DatabaseBootstrap#startEmbedded}.
 */
public final class TestDatabaseSession implements LauncherSessionListener {

    private static EmbeddedPostgres server;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (server != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("hoidap-test-pg");
            server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
        }
        for (Map.Entry<String, Object> e : DatabaseBootstrap.embeddedProperties(server).entrySet()) {
            System.setProperty(e.getKey(), String.valueOf(e.getValue()));
        }
        try {
            // The query log's spill file must not land in (or be replayed from) the working copy's ./data.
            Path data = Files.createTempDirectory("hoidap-test");
            System.setProperty("hoidap.querylog.spill-dir", data.resolve("querylog-spill").toString());
            // Generated secrets (the admin password file) neither.
            System.setProperty("hoidap.data-dir", data.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is ending; the temporary data directory goes with it
            }
            server = null;
        }
    }

    public static EmbeddedPostgres server() {
        return server;
    }
}

package vn.hoidap.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseBootstrapTest {

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        DatabaseBootstrap.forgetEmbedded();
    }

    private static Properties dataDir(Path dir) {
        Properties p = new Properties();
        p.setProperty("hoidap.data-dir", dir.toString());
        return p;
    }

    @Test
    void theEmbeddedServerStartsInTheBackgroundAndTheDatasourceWaitsForIt() throws Exception {
        DatabaseBootstrap.Choice choice = DatabaseBootstrap.choose(Map.of(), dataDir(tmp));
        String url = (String) choice.properties().get("datasources.default.url");
        assertTrue(url.startsWith("jdbc:postgresql://localhost:"), url);
        DatabaseBootstrap.awaitEmbedded(url); // what the datasource does before its first connection
        EmbeddedPostgresSupervisor server = choice.embedded().join();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("select 1")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1));
            assertEquals(url, "jdbc:postgresql://localhost:" + server.port() + "/postgres?user=postgres");
        } finally {
            server.close();
        }
    }

    @Test
    void aFailedEmbeddedStartStopsTheDatasourceWithItsMessageAndNoOtherOne() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("data"), "a file where the data folder should be");
        DatabaseBootstrap.Choice choice = DatabaseBootstrap.choose(Map.of(), dataDir(notAFolder));
        String url = (String) choice.properties().get("datasources.default.url");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DatabaseBootstrap.awaitEmbedded(url));
        assertTrue(e.getMessage().startsWith("Cannot start the embedded PostgreSQL in "), e.getMessage());
        DatabaseBootstrap.awaitEmbedded("jdbc:postgresql://127.0.0.1:5432/other"); // a configured server does not wait
    }

    @Test
    void configuredServerThatIsNotRunningFailsFastWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, nobody listens once closed
        }
        Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + port + "/hoidap",
                "DATASOURCES_DEFAULT_USERNAME", "hoidap", "DATASOURCES_DEFAULT_PASSWORD", "secret");
        DatabaseBootstrap.DatabaseUnavailableException e = assertThrows(
                DatabaseBootstrap.DatabaseUnavailableException.class,
                () -> DatabaseBootstrap.choose(env, new Properties()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("DATASOURCES_DEFAULT_URL"), e.getMessage());
    }
}

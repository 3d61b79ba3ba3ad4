package vn.hoidap.system;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseBootstrapTest {

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

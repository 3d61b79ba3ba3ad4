package vn.hoidap.insights;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminCredentialsTest {

    @Test
    void acceptsOnlyAdminWithTheConfiguredPassword() {
        AdminCredentials c = new AdminCredentials(new InsightsConfig("Mật-khẩu:có dấu hai chấm", 731, 10, 10));
        assertTrue(c.accepts(basic("admin", "Mật-khẩu:có dấu hai chấm")));
        assertTrue(c.accepts(basic("admin", "Mật-khẩu:có dấu hai chấm")), "second time from memory");
        assertFalse(c.accepts(basic("admin", "Mật-khẩu")));
        assertFalse(c.accepts(basic("Admin", "Mật-khẩu:có dấu hai chấm")));
        assertFalse(c.accepts(null));
        assertFalse(c.accepts("Bearer abc"));
        assertFalse(c.accepts("Basic !!!không-phải-base64"));
        assertFalse(c.accepts("Basic " + Base64.getEncoder().encodeToString("khong-co-dau-hai-cham".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hasNoDefaultPasswordWhenNoneIsConfigured() {
        AdminCredentials c = new AdminCredentials(new InsightsConfig(null, 731, 10, 10));
        for (String guess : new String[] {"", "admin", "password", "hoidap", "null"}) {
            assertFalse(c.accepts(basic("admin", guess)), guess);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

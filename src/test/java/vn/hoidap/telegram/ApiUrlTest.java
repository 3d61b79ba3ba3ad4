package vn.hoidap.telegram;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.TelegramUrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiUrlTest {

    @Test
    void parsesThePublicBotApi() {
        TelegramUrl url = ApiUrl.parse("https://api.telegram.org");
        assertEquals("https", url.getSchema());
        assertEquals("api.telegram.org", url.getHost());
        assertEquals(443, url.getPort());
        assertFalse(url.isTestServer());
    }

    @Test
    void parsesALocalServerWithPortAndTrailingSlash() {
        TelegramUrl url = ApiUrl.parse(" HTTP://127.0.0.1:8081/ ");
        assertEquals("http", url.getSchema());
        assertEquals("127.0.0.1", url.getHost());
        assertEquals(8081, url.getPort());
        assertEquals(80, ApiUrl.parse("http://bot-api.internal").getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api.telegram.org", "ftp://api.telegram.org", "https://", "https://host/prefix",
            "https://host?x=1", "http://exa mple.com"})
    void refusesWhatTheLibraryCannotAddress(String value) {
        assertThrows(ConfigurationException.class, () -> ApiUrl.parse(value));
    }
}

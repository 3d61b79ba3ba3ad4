package vn.hoidap.telegram;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a token nothing of the bot exists; the defaults are the public Bot API and long polling. */
@MicronautTest(startApplication = false)
@Property(name = "hoidap.telegram.mode", value = "WebHook")
class TelegramConfigTest {

    @Inject
    ApplicationContext context;
    @Inject
    TelegramConfig config;

    @Test
    void isOffWithoutAToken() {
        assertFalse(context.containsBean(BotRunner.class));
        assertFalse(context.containsBean(UpdateHandler.class));
        assertFalse(context.containsBean(TelegramApi.class));
        assertFalse(context.containsBean(WebhookController.class));
    }

    @Test
    void defaultsAndModeBinding() {
        assertEquals("https://api.telegram.org", config.apiUrl());
        assertEquals("http://localhost:8080", config.portalBaseUrl());
        assertEquals(TelegramConfig.Mode.WEBHOOK, config.updateMode(), "the mode is read case-insensitively");
        assertEquals(5, config.rateLimitMessages());
        assertEquals(10, config.rateLimitSeconds());
    }

    @Test
    void refusesAnUnknownModeAtStartUp() {
        try (ApplicationContext ctx = ApplicationContext.builder()
                .properties(Map.of("hoidap.telegram.mode", "push")).start()) {
            Exception e = assertThrows(Exception.class,
                    () -> ctx.getBean(TelegramConfig.class));
            assertTrue(String.valueOf(e.getMessage()).contains("mode"), e.getMessage());
        }
    }
}

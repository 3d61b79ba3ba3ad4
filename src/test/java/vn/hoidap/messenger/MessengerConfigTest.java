package vn.hoidap.messenger;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a page token nothing of the Messenger channel exists; without its secrets it refuses to start. */
@MicronautTest(startApplication = false)
class MessengerConfigTest {

    @Inject
    ApplicationContext context;
    @Inject
    MessengerConfig config;

    @Test
    void isOffWithoutAPageTokenAndDefaultsToTheGraphApi() {
        assertFalse(context.containsBean(MessengerWebhookController.class));
        assertFalse(context.containsBean(MessengerApi.class));
        assertEquals("https://graph.facebook.com", config.apiUrl());
        assertEquals("v25.0", config.graphVersion());
        assertEquals(2000, config.textLimit());
        assertEquals(24, config.windowHours());
    }

    @Test
    void aPageTokenWithoutTheAppSecretStopsTheStart() {
        Exception e = assertThrows(Exception.class,
                () -> ApplicationContext.run(Map.of("hoidap.messenger.page-token", "EAAG")).close());
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage());
            t = t.getCause();
        }
        assertTrue(all.toString().contains("MESSENGER_APP_SECRET"), all.toString());
    }
}

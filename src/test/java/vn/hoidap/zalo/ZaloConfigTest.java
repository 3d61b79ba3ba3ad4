package vn.hoidap.zalo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a token nothing of the Zalo channel exists; half a configuration stops the service with a reason. */
@MicronautTest(startApplication = false)
class ZaloConfigTest {

    @Inject
    ApplicationContext context;
    @Inject
    ZaloConfig config;

    @Test
    void isOffWithoutATokenAndDefaultsToZalosHosts() {
        assertFalse(context.containsBean(ZaloWebhookController.class));
        assertFalse(context.containsBean(ZaloTokens.class));
        assertEquals("https://openapi.zalo.me", config.apiUrl());
        assertEquals("https://oauth.zaloapp.com", config.oauthUrl());
        assertEquals("oa-secret-key", config.signatureKey());
        assertTrue(config.buttons());
        assertEquals(4, config.maxButtons());
    }

    @Test
    void eitherTokenTurnsItOnAndMissingSecretsStopTheStart() {
        for (String token : new String[] {"hoidap.zalo.access-token", "hoidap.zalo.refresh-token"}) {
            Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(Map.of(token, "t")).close());
            assertTrue(String.valueOf(rootMessage(e)).contains("ZALO_APP_ID"), rootMessage(e));
        }
    }

    @Test
    void signsWithTheOaSecretKeyUnlessTheAppSecretIsChosen() {
        ZaloConfig oa = ApplicationContext.run(Map.of("hoidap.zalo.oa-secret-key", "oa", "hoidap.zalo.app-secret", "app"))
                .getBean(ZaloConfig.class);
        assertEquals("oa", oa.signingSecret());
        try (ApplicationContext c = ApplicationContext.run(Map.of("hoidap.zalo.oa-secret-key", "oa",
                "hoidap.zalo.app-secret", "app", "hoidap.zalo.signature-key", "app-secret"))) {
            assertEquals("app", c.getBean(ZaloConfig.class).signingSecret());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        return all.toString();
    }
}

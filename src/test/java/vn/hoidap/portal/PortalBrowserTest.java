package vn.hoidap.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the Playwright + axe-core browser tests of the portal ({@code src/test/browser/portal.spec.mjs}) against
 * this test's server on a random loopback port: every page with 0 WCAG 2.1 A/AA violations, a citizen's path
 * (ask, rate, follow the source to the highlighted section), a civil servant's (home → agency → its tasks with
 * whom and by when in two clicks, its deadline calendar), the embedded widget (axe through its shadow root and
 * frame) and the chat with JavaScript disabled, at phone and desktop sizes. {@code -Dportal.screenshots=dir}
 * keeps phone screenshots. See {@link BrowserSpec} for what it needs and how it is bounded.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest implements TestPropertyProvider {

    /** A bound against a hung run, far above a run on a loaded machine (about 8 min at load 13 on 2 cores). */
    static final Duration BOUND = Duration.ofMinutes(45);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.host", "127.0.0.1");
    }

    @Test
    void citizenAndCivilServantPathsWorkAndEveryPageIsAccessibleAtPhoneAndDesktopSizes() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BASE_URL", "http://127.0.0.1:" + server.getPort());
        String shots = System.getProperty("portal.screenshots");
        if (shots != null && !shots.isBlank()) {
            Files.createDirectories(Path.of(shots));
            env.put("SCREENSHOT_DIR", Path.of(shots).toAbsolutePath().toString());
        }
        BrowserSpec.run(System.getProperty("portal.spec", "portal.spec.mjs"), env, BOUND);
    }
}

package vn.hoidap.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Playwright + axe-core browser tests ({@code src/test/browser/portal.spec.mjs}) against this test's
 * server on a random port: a citizen's and a civil servant's path, the no-JS chat and the widget, at phone and
 * desktop sizes, with 0 WCAG 2.1 A/AA violations on every page. Needs Debian's chromium and node; the README's
 * test command installs them (and the npm packages). Without them the test is skipped locally and fails under
 * {@code CI=true}. {@code -Dportal.screenshots=dir} keeps phone screenshots.
 */
@MicronautTest
@org.junit.jupiter.api.Disabled("Hangs in the widget step after the phone paths pass (axe/iframe in a shadow root); issue 12 stays open until it runs green in CI")
class PortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SPEC_DIR = Path.of("src/test/browser");

    @Inject
    EmbeddedServer server;

    @Test
    void citizenAndCivilServantPathsWorkAndEveryPageIsAccessibleAtPhoneAndDesktopSizes() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String node = onPath("node");
        boolean ready = Files.isExecutable(CHROMIUM) && node != null;
        if (ci) {
            assertTrue(ready, "CI must have /usr/bin/chromium and node (see README's test command)");
        }
        assumeTrue(ready, "chromium or node not installed: browser tests skipped (they fail under CI=true)");
        if (!Files.isDirectory(SPEC_DIR.resolve("node_modules/playwright-core"))) {
            String npm = onPath("npm");
            assertTrue(npm != null, "npm is needed to install playwright-core and axe-core");
            assertEquals(0, run(List.of(npm, "ci", "--no-audit", "--no-fund"), List.of()).exit(), "npm ci");
        }
        List<String> env = new ArrayList<>(List.of("BASE_URL=http://127.0.0.1:" + server.getPort(),
                "CHROMIUM=" + CHROMIUM));
        String shots = System.getProperty("portal.screenshots");
        if (shots != null && !shots.isBlank()) {
            Files.createDirectories(Path.of(shots));
            env.add("SCREENSHOT_DIR=" + Path.of(shots).toAbsolutePath());
        }
        Result r = run(List.of(node, System.getProperty("portal.spec", "portal.spec.mjs")), env);
        assertEquals(0, r.exit(), "browser tests failed:\n" + r.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, List<String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(SPEC_DIR.toFile()).redirectErrorStream(true);
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Path log = Files.createTempFile("hoidap-browser", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        // A bound against a hung browser, not a speed requirement.
        if (!p.waitFor(40, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(out);
        return new Result(p.isAlive() ? -1 : p.exitValue(), out.length() > 20000 ? out.substring(out.length() - 20000) : out);
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}

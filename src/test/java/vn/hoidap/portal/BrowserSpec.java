package vn.hoidap.portal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs one of the Playwright + axe-core specs of {@code src/test/browser} with node against a test's server, for
 * the JUnit browser tests (portal and console). Needs Debian's chromium and node: without them a test is skipped
 * locally and fails under {@code CI=true}; the npm packages are installed from the lock file when missing.
 *
 * <p>Nothing waits without a bound: the spec bounds each of its steps itself (and has a watchdog); here the whole
 * run is bounded too, and on time-out node and every process it started (Chromium's) are killed, and the test
 * fails with the end of the log. The log is kept in a temporary file ({@code hoidap-browser-*.log}) when the run
 * fails, and printed.
 */
public final class BrowserSpec {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DIR = Path.of("src/test/browser");
    private static final Duration NPM_BOUND = Duration.ofMinutes(10);
    private static final int TAIL_LINES = 120;

    private BrowserSpec() {
    }

    /**
     * Runs {@code node <spec>} with {@code env} (BASE_URL and the spec's own settings); returns normally only when
     * every check passed, and fails the test with the failed checks and the log's end otherwise.
     */
    public static void run(String spec, Map<String, String> env, Duration bound) throws IOException, InterruptedException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String node = onPath("node");
        boolean ready = Files.isExecutable(CHROMIUM) && node != null;
        if (ci) {
            assertTrue(ready, "CI must have /usr/bin/chromium and node (see README's test command)");
        }
        assumeTrue(ready, "chromium or node not installed: browser tests skipped (they fail under CI=true)");
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(DIR.resolve("node_modules/@axe-core/playwright"))) {
            String npm = onPath("npm");
            assertTrue(npm != null, "npm is needed to install playwright-core and axe-core");
            Outcome install = exec("npm-ci", List.of(npm, "ci", "--no-audit", "--no-fund"), Map.of(), NPM_BOUND);
            if (install.exit() != 0) {
                fail("npm ci in " + DIR + " " + install.describe(NPM_BOUND));
            }
        }
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putIfAbsent("CHROMIUM", CHROMIUM.toString());
        Outcome r = exec(spec.replace(".spec.mjs", ""), List.of(node, spec), all, bound);
        if (r.exit() != 0) {
            fail("browser checks of " + spec + " " + r.describe(bound));
        }
        Files.deleteIfExists(r.log());
    }

    /** How a run ended: its exit code (-1 when it had to be killed), its log file and that log's text. */
    private record Outcome(int exit, boolean killed, Path log, String output) {

        String describe(Duration bound) {
            String head = killed
                    ? "did not finish within " + bound.toMinutes() + " min: node and its Chromium were killed"
                    : exit == 2 ? "were stopped by the spec's watchdog (a step hung)" : "failed (exit " + exit + ")";
            return head + "; log: " + log + "\nfailed checks:\n" + failed(output) + "\nlast " + TAIL_LINES
                    + " lines of the log:\n" + tail(output);
        }
    }

    private static Outcome exec(String name, List<String> command, Map<String, String> env, Duration bound)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("hoidap-browser-" + name + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean killed = false;
        if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            killed = true;
            killTree(p.toHandle());
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        return new Outcome(killed || p.isAlive() ? -1 : p.exitValue(), killed, log, out);
    }

    /** Children first (Chromium's processes, which outlive a killed node otherwise), then the process itself. */
    private static void killTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static String failed(String output) {
        // the spec's closing summary; when it never got there (killed), the failures it logged as it went
        List<String> summary = output.lines().filter(l -> l.startsWith("  - ")).toList();
        List<String> lines = summary.isEmpty() ? output.lines().filter(l -> l.contains("] FAIL ")).toList() : summary;
        return lines.isEmpty() ? "(none reported)" : String.join("\n", lines);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}

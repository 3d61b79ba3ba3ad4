package vn.hoidap.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLEncoder;
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
 * The chat page in a real headless Chromium: the page's own script sends the question from {@code ?q=} to
 * {@code /api/chat} and renders the answer with its source links; the test reads the resulting DOM.
 * Chromium is installed by the README's test command; without it the test is skipped locally but fails in CI.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Inject
    EmbeddedServer server;

    @BeforeAll
    void needsChromium() {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI must install chromium (see README's test command)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    }

    @Test
    void pageAsksTheQuestionFromTheLinkAndShowsTheAnswerWithSourceLinks() throws Exception {
        String question = "Kế hoạch của Thanh Hóa ban hành ngày nào?";
        String dom = render("/?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertTrue(dom.contains("<li class=\"msg me\">" + question + "</li>"), "the question is shown: " + tail(dom));
        assertTrue(dom.contains("class=\"msg bot"), "an answer is shown: " + tail(dom));
        assertTrue(dom.contains("href=\"/ke-hoach/thanh-hoa-2022"), "the answer links its source: " + tail(dom));
        assertTrue(dom.contains("03/3/2022"), "the answer carries the date: " + tail(dom));
    }

    @Test
    void pageIsAccessibleAndPhoneReady() throws Exception {
        String dom = render("/");
        assertTrue(dom.contains("<html lang=\"vi\">"));
        assertTrue(dom.contains("name=\"viewport\""));
        assertTrue(dom.contains("<label for=\"question\">"), "the input has a label");
        assertTrue(dom.contains("aria-live=\"polite\""), "answers are announced to screen readers");
    }

    @Test
    void sourcePagesExistForTheAnchorsAnswersUse() throws Exception {
        String dom = render("/ke-hoach/thanh-hoa-2022");
        assertTrue(dom.contains("Thanh Hóa"));
        String missing = render("/ke-hoach/khong-co");
        assertTrue(missing.contains("Không tìm thấy"));
    }

    private String render(String path) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=390,844",
                "--virtual-time-budget=10000", "--dump-dom", "http://127.0.0.1:" + server.getPort() + path));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), "chromium exit code");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String tail(String dom) {
        int i = dom.indexOf("conversation");
        return i < 0 ? dom : dom.substring(i, Math.min(dom.length(), i + 1500));
    }
}

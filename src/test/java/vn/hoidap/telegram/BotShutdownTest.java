package vn.hoidap.telegram;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing the service stops polling at once and leaves none of the bot's threads behind. */
class BotShutdownTest {

    private static final String TOKEN = "777:SHUTDOWN";

    @Test
    void closingTheContextStopsPollingAndEndsEveryThreadOfTheBot() throws InterruptedException {
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            ApplicationContext context = ApplicationContext.run(Map.of(
                    "hoidap.telegram.token", TOKEN,
                    "hoidap.telegram.api-url", api.url(),
                    "hoidap.telegram.session-salt", "x"));
            api.awaitCount("getUpdates", c -> true, 2, Duration.ofSeconds(20));
            assertTrue(botThreads().size() > 0, "the bot runs on its own threads");

            context.close();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!botThreads().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), botThreads(), "no thread of the bot is left");
            int polls = api.calls("getUpdates").size();
            Thread.sleep(1000);
            assertEquals(polls, api.calls("getUpdates").size(), "no more polling after shutdown");
        }
    }

    /**
     * The bot's own threads, and any OkHttp thread that could keep the JVM alive. OkHttp's process-wide
     * "OkHttp TaskRunner" is a daemon that ends by itself after a minute idle; nobody can close it.
     */
    private static List<String> botThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("telegram-") || t.getName().startsWith("OkHttp") && !t.isDaemon())
                .map(Thread::getName).toList();
    }
}

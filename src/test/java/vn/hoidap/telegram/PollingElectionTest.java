package vn.hoidap.telegram;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service on the one test PostgreSQL, both in polling mode: exactly one polls Telegram
 * (Telegram refuses two getUpdates consumers), each update is answered once, and when the poller goes the
 * other takes over.
 */
class PollingElectionTest {

    private static final String TOKEN = "31337:ELECTION-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void onlyTheElectedInstancePollsAndTheOtherTakesOverWhenItStops() throws InterruptedException {
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Map<String, Object> props = Map.of(
                    "hoidap.telegram.token", TOKEN,
                    "hoidap.telegram.api-url", api.url(),
                    "hoidap.telegram.session-salt", "election",
                    "hoidap.telegram.election-interval-millis", "200");
            ApplicationContext first = ApplicationContext.run(props);
            ApplicationContext second = ApplicationContext.run(props);
            try {
                BotRunner a = first.getBean(BotRunner.class);
                BotRunner b = second.getBean(BotRunner.class);
                awaitTrue(() -> a.polling() || b.polling(), "one instance is elected");
                for (int i = 0; i < 10; i++) {
                    // Sampled over several election rounds: never both.
                    assertTrue(a.polling() ^ b.polling(), "exactly one instance polls");
                    Thread.sleep(100);
                }
                long chat = 66_000_001L;
                api.push(Updates.text(api.nextUpdateId(), chat, "Dịch vụ công trực tuyến là gì?"));
                api.await("sendMessage", c -> c.chatId() == chat, WAIT);
                Thread.sleep(500);
                assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).count(),
                        "answered once");

                ApplicationContext leader = a.polling() ? first : second;
                BotRunner standby = a.polling() ? b : a;
                leader.close();
                awaitTrue(standby::polling, "the standby instance takes over");
                long next = 66_000_002L;
                api.push(Updates.text(api.nextUpdateId(), next, "Kỹ năng số là gì?"));
                api.await("sendMessage", c -> c.chatId() == next, WAIT);
            } finally {
                for (ApplicationContext c : List.of(first, second)) {
                    if (c.isRunning()) {
                        c.close();
                    }
                }
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}

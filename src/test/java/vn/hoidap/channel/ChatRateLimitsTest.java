package vn.hoidap.channel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.ALLOWED;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.DROP;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.WARN;

/** Two instances of the service, as two {@link ChatRateLimits} on the one test PostgreSQL, share a chat's limit. */
@MicronautTest(startApplication = false)
class ChatRateLimitsTest {

    @Inject
    JdbcOperations jdbc;

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aChatsLimitHoldsAcrossInstances() {
        ChatRateLimits.Limiter first = new ChatRateLimits(jdbc).limiter(5, 3600, new ChatRateLimiter(5, 3600, 100, clock::get));
        ChatRateLimits.Limiter second = new ChatRateLimits(jdbc).limiter(5, 3600, new ChatRateLimiter(5, 3600, 100, clock::get));
        String chat = "tg-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertEquals(ALLOWED, (i % 2 == 0 ? first : second).acquire(chat), "message " + i);
        }
        assertEquals(WARN, first.acquire(chat), "the sixth, on either instance, gets the one warning");
        assertEquals(DROP, second.acquire(chat));
        assertEquals(DROP, first.acquire(chat));
        assertEquals(ALLOWED, second.acquire("tg-" + UUID.randomUUID()), "other chats are not affected");
    }

    @Test
    void aNewWindowStartsAfterTheConfiguredSeconds() throws InterruptedException {
        ChatRateLimits.Limiter limiter = new ChatRateLimits(jdbc).limiter(1, 1, new ChatRateLimiter(1, 1, 100, clock::get));
        String chat = "zl-" + UUID.randomUUID();
        assertEquals(ALLOWED, limiter.acquire(chat));
        assertEquals(WARN, limiter.acquire(chat));
        Thread.sleep(1100);
        assertEquals(ALLOWED, limiter.acquire(chat), "the window has passed");
    }
}

package vn.hoidap.channel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.ALLOWED;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.DROP;
import static vn.hoidap.channel.ChatRateLimiter.Verdict.WARN;

class ChatRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ChatRateLimiter limiter = new ChatRateLimiter(5, 10, 100, now::get);

    @Test
    void allowsABurstOfFiveThenWarnsOnceThenDrops() {
        for (int i = 0; i < 5; i++) {
            assertEquals(ALLOWED, limiter.acquire("1"));
        }
        assertEquals(WARN, limiter.acquire("1"));
        assertEquals(DROP, limiter.acquire("1"));
        assertEquals(DROP, limiter.acquire("1"));
    }

    @Test
    void refillsOneMessageEveryTwoSecondsAndWarnsAgainAfterRecovering() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire("1");
        }
        assertEquals(WARN, limiter.acquire("1"));
        now.addAndGet(1_900_000_000L);
        assertEquals(DROP, limiter.acquire("1"));
        now.addAndGet(200_000_000L);
        assertEquals(ALLOWED, limiter.acquire("1"));
        assertEquals(WARN, limiter.acquire("1"), "a new warning after a recovered message");
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 5; i++) {
            assertEquals(ALLOWED, limiter.acquire("1"), "full again, never above capacity");
        }
        assertEquals(WARN, limiter.acquire("1"));
    }

    @Test
    void limitsEachChatOnItsOwn() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("1");
        }
        assertEquals(ALLOWED, limiter.acquire("2"));
    }

    @Test
    void forgetsTheLeastRecentChatsBeyondItsSize() {
        ChatRateLimiter small = new ChatRateLimiter(1, 10, 2, now::get);
        assertEquals(ALLOWED, small.acquire("1"));
        assertEquals(ALLOWED, small.acquire("2"));
        assertEquals(ALLOWED, small.acquire("3"));
        assertEquals(ALLOWED, small.acquire("1"), "chat 1 was evicted and starts with a full bucket");
        assertEquals(WARN, small.acquire("3"), "chat 3 is still remembered");
    }
}

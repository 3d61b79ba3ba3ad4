package vn.hoidap.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per chat ({@code messages} per {@code seconds}, refilled continuously). Over the limit a chat
 * gets one "please wait" reply, then silence until a token is back: answering every extra message would
 * be the very flood the limit is there to stop. Only the most recently active chats are remembered. Kept per
 * instance: a chat's messages usually reach one instance in a burst, and a flood split over N instances is
 * still bounded by N times the limit.
 */
public final class ChatRateLimiter {

    public enum Verdict { ALLOWED, WARN, DROP }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        boolean warned;
    }

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets;

    public ChatRateLimiter(int messages, int seconds, int maxChats, LongSupplier nanoClock) {
        this.capacity = messages;
        this.tokensPerNano = messages / (seconds * 1e9);
        this.clock = nanoClock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxChats;
            }
        };
    }

    public synchronized Verdict acquire(String chat) {
        long now = clock.getAsLong();
        Bucket b = buckets.get(chat);
        if (b == null) {
            b = new Bucket();
            b.tokens = capacity;
            b.refilledAt = now;
            buckets.put(chat, b);
        }
        b.tokens = Math.min(capacity, b.tokens + (now - b.refilledAt) * tokensPerNano);
        b.refilledAt = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            b.warned = false;
            return Verdict.ALLOWED;
        }
        if (b.warned) {
            return Verdict.DROP;
        }
        b.warned = true;
        return Verdict.WARN;
    }
}

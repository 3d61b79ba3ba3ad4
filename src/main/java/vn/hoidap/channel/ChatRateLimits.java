package vn.hoidap.channel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-chat rate limits that hold across instances: {@code messages} per fixed window of {@code seconds},
 * counted in PostgreSQL ({@code channel_rate}, one upsert per message). The first message over the limit gets
 * a warning, later ones silence until the window ends. While the database is away each instance falls back
 * to its own in-memory bucket, so limits still hold per instance.
 */
@Singleton
public class ChatRateLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRateLimits.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final JdbcOperations jdbc;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    ChatRateLimits(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A limiter for one channel's settings, with an in-memory fallback of {@code maxChats} chats. */
    public Limiter limiter(ChannelSettings settings) {
        return limiter(settings.rateLimitMessages(), settings.rateLimitSeconds(), new ChatRateLimiter(
                settings.rateLimitMessages(), settings.rateLimitSeconds(), settings.maxChats(), System::nanoTime));
    }

    /** A limiter for one channel's settings; {@code fallback} is used while the database is away. */
    public Limiter limiter(int messages, int seconds, ChatRateLimiter fallback) {
        return chatKey -> acquire(chatKey, messages, seconds, fallback);
    }

    /** Takes one message of {@code chatKey} (a hashed session id, never a platform user id). */
    public interface Limiter {
        ChatRateLimiter.Verdict acquire(String chatKey);
    }

    ChatRateLimiter.Verdict acquire(String chatKey, int messages, int seconds, ChatRateLimiter fallback) {
        try {
            int hits = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO channel_rate AS r (chat_key, window_start, hits) VALUES (?, clock_timestamp(), 1)
                        ON CONFLICT (chat_key) DO UPDATE SET
                            hits = CASE WHEN r.window_start <= clock_timestamp() - make_interval(secs => ?) THEN 1
                                        ELSE r.hits + 1 END,
                            window_start = CASE WHEN r.window_start <= clock_timestamp() - make_interval(secs => ?)
                                        THEN clock_timestamp() ELSE r.window_start END
                        RETURNING hits""")) {
                    ps.setString(1, chatKey);
                    ps.setInt(2, seconds);
                    ps.setInt(3, seconds);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
            return hits <= messages ? ChatRateLimiter.Verdict.ALLOWED
                    : hits == messages + 1 ? ChatRateLimiter.Verdict.WARN : ChatRateLimiter.Verdict.DROP;
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warn("Channels: shared rate limits unavailable ({}); limiting per instance", e.getMessage());
            }
            return fallback.acquire(chatKey);
        }
    }

    /** Forgets windows that ended long ago (idempotent; safe on every instance). */
    int purge() {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM channel_rate WHERE window_start < now() - interval '1 day'")) {
                return ps.executeUpdate();
            }
        });
    }
}

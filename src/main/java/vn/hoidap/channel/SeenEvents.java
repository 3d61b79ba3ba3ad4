package vn.hoidap.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * Deduplicates webhook events by the platform's id (Zalo {@code msg_id}, Messenger {@code mid}): platforms
 * retry deliveries they think failed, and the retry may reach another instance, so the ids are claimed in
 * PostgreSQL ({@code channel_event}, insert-if-absent). An in-memory set answers first and stands in while
 * the database is away. Ids are kept {@link #KEEP}; older events are refused by age before they get here.
 */
@Singleton
public class SeenEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SeenEvents.class);
    public static final Duration KEEP = Duration.ofDays(3);

    private final JdbcOperations jdbc;
    private final ChatStates chats;
    private final ChatRateLimits rates;
    private final Cache<String, Boolean> recent = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofHours(6)).build();

    SeenEvents(JdbcOperations jdbc, ChatStates chats, ChatRateLimits rates) {
        this.jdbc = jdbc;
        this.chats = chats;
        this.rates = rates;
    }

    /** True the first time {@code eventId} of {@code channel} is offered, on any instance. */
    public boolean firstTime(String channel, String eventId) {
        String key = channel + ":" + eventId;
        if (recent.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        try {
            return jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO channel_event (channel, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, channel);
                    ps.setString(2, eventId);
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Channels: event ids not shared while the database is away ({})", e.getMessage());
            return true;
        }
    }

    /** Idempotent, so running it on every instance is harmless. */
    @Scheduled(initialDelay = "10m", fixedDelay = "1h")
    void purge() {
        try {
            int events = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM channel_event WHERE seen_at < now() - make_interval(hours => ?)")) {
                    ps.setInt(1, (int) KEEP.toHours());
                    return ps.executeUpdate();
                }
            });
            int idle = chats.purgeIdle(365);
            int windows = rates.purge();
            LOG.debug("Channels: purged {} event ids, {} idle chats, {} rate windows", events, idle, windows);
        } catch (RuntimeException e) {
            LOG.debug("Channels: purge skipped: {}", e.getMessage());
        }
    }
}

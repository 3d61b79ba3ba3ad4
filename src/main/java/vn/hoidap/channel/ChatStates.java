package vn.hoidap.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-chat state every instance shares through PostgreSQL ({@code channel_chat}): the province a chat chose,
 * when the person last wrote, when the automated-assistant notice was shown. While the database is away the
 * last known values of this instance are used, so a chat keeps working, only less informed.
 */
@Singleton
public class ChatStates {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStates.class);

    /** What is known of one chat. */
    public record State(String province, Instant lastInboundAt, Instant disclosedAt) {
        static final State NONE = new State(null, null, null);

        /** A new conversation: the person never wrote before, or not for {@code lapse}. */
        public boolean startsConversation(Instant now, java.time.Duration lapse) {
            return lastInboundAt == null || lastInboundAt.plus(lapse).isBefore(now);
        }
    }

    private final JdbcOperations jdbc;
    private final Cache<String, State> lastKnown = Caffeine.newBuilder().maximumSize(20_000).build();

    ChatStates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public State get(String chatKey) {
        try {
            State s = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT province, last_inbound_at, disclosed_at FROM channel_chat WHERE chat_key = ?")) {
                    ps.setString(1, chatKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new State(rs.getString(1), instant(rs.getTimestamp(2)),
                                instant(rs.getTimestamp(3))) : State.NONE;
                    }
                }
            });
            lastKnown.put(chatKey, s);
            return s;
        } catch (RuntimeException e) {
            LOG.warn("Channels: chat state unavailable ({}); using this instance's last known", e.getMessage());
            return Optional.ofNullable(lastKnown.getIfPresent(chatKey)).orElse(State.NONE);
        }
    }

    public Optional<String> province(String chatKey) {
        return Optional.ofNullable(get(chatKey).province());
    }

    /** Remembers the chosen province; null clears it. */
    public void setProvince(String chatKey, String channel, String province) {
        upsert(chatKey, channel, "province", province == null ? null : province, null);
        State known = Optional.ofNullable(lastKnown.getIfPresent(chatKey)).orElse(State.NONE);
        lastKnown.put(chatKey, new State(province, known.lastInboundAt(), known.disclosedAt()));
    }

    /**
     * Records that the person wrote at {@code at}; returns the state before, so the caller can tell a new
     * conversation (no earlier message, or one long ago) from a running one.
     */
    public State inbound(String chatKey, String channel, Instant at) {
        State before = get(chatKey);
        upsert(chatKey, channel, "last_inbound_at", null, at);
        lastKnown.put(chatKey, new State(before.province(), at, before.disclosedAt()));
        return before;
    }

    public void disclosed(String chatKey, String channel, Instant at) {
        upsert(chatKey, channel, "disclosed_at", null, at);
        State known = Optional.ofNullable(lastKnown.getIfPresent(chatKey)).orElse(State.NONE);
        lastKnown.put(chatKey, new State(known.province(), known.lastInboundAt(), at));
    }

    /** Forgets chats idle for longer than {@code days} (idempotent; safe on every instance). */
    public int purgeIdle(int days) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM channel_chat WHERE updated_at < now() - make_interval(days => ?)")) {
                ps.setInt(1, days);
                return ps.executeUpdate();
            }
        });
    }

    private void upsert(String chatKey, String channel, String column, String text, Instant time) {
        // column is one of three constants above, never input.
        String sql = "INSERT INTO channel_chat (chat_key, channel, " + column + ", updated_at) VALUES (?, ?, ?, now()) "
                + "ON CONFLICT (chat_key) DO UPDATE SET " + column + " = EXCLUDED." + column + ", updated_at = now()";
        try {
            jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, chatKey);
                    ps.setString(2, channel);
                    if (time != null) {
                        ps.setTimestamp(3, Timestamp.from(time));
                    } else {
                        ps.setString(3, text);
                    }
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Channels: chat state not stored ({}); kept on this instance only", e.getMessage());
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

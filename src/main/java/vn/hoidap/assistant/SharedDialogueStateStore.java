package vn.hoidap.assistant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.hoidap.state.SharedState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Dialogue states in the key/value table every replica shares, so a follow-up that the load balancer sends
 * to another instance continues the same conversation. The shared store keeps its own bounded cache for the
 * moments the database is away, so a conversation goes on (on this instance) through an outage.
 * Replaces the in-memory {@link CaffeineDialogueStateStore}, which is {@code @Secondary}; off with
 * {@code hoidap.assistant.shared-dialogue-state: false}.
 * <p>
 * A near cache holds, per session, the state this instance last read or wrote with its row version. A read
 * asks the table only "is the version still N?" (the value comes back only when another instance wrote
 * since), so a session this instance served last is neither transferred nor decoded again; a write of a
 * state equal to the held one is skipped unless the row would expire within half the idle time.
 */
@Singleton
@Requires(beans = SharedState.class)
@Requires(property = "hoidap.assistant.shared-dialogue-state", notEquals = "false")
final class SharedDialogueStateStore implements DialogueStateStore {

    static final String NAMESPACE = "dialogue";

    /** A state as this instance last saw it in the table. */
    private record Held(DialogueState state, long version, Instant expiresAt) {
    }

    private final SharedState shared;
    private final DialogueStateCodec codec;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, Held> near;

    @Inject
    SharedDialogueStateStore(SharedState shared, DialogueStateCodec codec, AssistantConfig config) {
        this(shared, codec, Duration.ofMinutes(config.sessionTtlMinutes()), config.maxSessions(), Clock.systemUTC());
    }

    SharedDialogueStateStore(SharedState shared, DialogueStateCodec codec, Duration ttl, int maxSessions, Clock clock) {
        this.shared = shared;
        this.codec = codec;
        this.ttl = ttl;
        this.clock = clock;
        this.near = Caffeine.newBuilder().maximumSize(maxSessions).expireAfterWrite(ttl).executor(Runnable::run).build();
    }

    @Override
    public DialogueState get(String sessionId) {
        if (sessionId == null) {
            return DialogueState.EMPTY;
        }
        Held held = near.getIfPresent(sessionId);
        var stored = shared.getIfChanged(NAMESPACE, sessionId, held == null ? SharedState.NO_VERSION : held.version());
        if (stored.isEmpty()) {
            near.invalidate(sessionId);
            return DialogueState.EMPTY;
        }
        SharedState.Versioned v = stored.get();
        if (v.unchanged() && held != null) {
            if (!v.expiresAt().equals(held.expiresAt())) {
                near.put(sessionId, new Held(held.state(), held.version(), v.expiresAt()));
            }
            return held.state();
        }
        DialogueState state = codec.read(v.value());
        if (v.version() == SharedState.NO_VERSION) {
            near.invalidate(sessionId); // the database is away: nothing to compare with next time
        } else {
            near.put(sessionId, new Held(state, v.version(), v.expiresAt()));
        }
        return state;
    }

    @Override
    public void put(String sessionId, DialogueState state) {
        if (sessionId == null || state == null) {
            return;
        }
        Held held = near.getIfPresent(sessionId);
        Instant now = clock.instant();
        if (held != null && held.state().equals(state) && held.expiresAt().isAfter(now.plus(ttl.dividedBy(2)))) {
            return; // unchanged, and the row lives on long enough: nothing to write
        }
        long version = shared.putVersioned(NAMESPACE, sessionId, codec.write(state), ttl);
        if (version == SharedState.NO_VERSION) {
            near.invalidate(sessionId);
        } else {
            near.put(sessionId, new Held(state, version, now.plus(ttl)));
        }
    }

    /** Sessions held in the near cache. */
    long held() {
        near.cleanUp();
        return near.estimatedSize();
    }
}

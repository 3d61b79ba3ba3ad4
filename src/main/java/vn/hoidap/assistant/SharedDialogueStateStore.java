package vn.hoidap.assistant;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.hoidap.state.SharedState;

import java.time.Duration;

/**
 * Dialogue states in the key/value table every replica shares, so a follow-up that the load balancer sends
 * to another instance continues the same conversation. The shared store keeps its own bounded cache for the
 * moments the database is away, so a conversation goes on (on this instance) through an outage.
 * Replaces the in-memory {@link CaffeineDialogueStateStore}, which is {@code @Secondary}; off with
 * {@code hoidap.assistant.shared-dialogue-state: false}.
 */
@Singleton
@Requires(beans = SharedState.class)
@Requires(property = "hoidap.assistant.shared-dialogue-state", notEquals = "false")
final class SharedDialogueStateStore implements DialogueStateStore {

    static final String NAMESPACE = "dialogue";

    private final SharedState shared;
    private final DialogueStateCodec codec;
    private final Duration ttl;

    SharedDialogueStateStore(SharedState shared, DialogueStateCodec codec, AssistantConfig config) {
        this.shared = shared;
        this.codec = codec;
        this.ttl = Duration.ofMinutes(config.sessionTtlMinutes());
    }

    @Override
    public DialogueState get(String sessionId) {
        if (sessionId == null) {
            return DialogueState.EMPTY;
        }
        return shared.get(NAMESPACE, sessionId).map(codec::read).orElse(DialogueState.EMPTY);
    }

    @Override
    public void put(String sessionId, DialogueState state) {
        if (sessionId != null && state != null) {
            shared.put(NAMESPACE, sessionId, codec.write(state), ttl);
        }
    }
}

package vn.hoidap.assistant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Dialogue states in this instance's memory: bounded in number (least recently used go first) and
 * expiring after the idle time, so memory stays bounded whatever session ids clients send. Secondary: a
 * shared store bean replaces it.
 */
@Singleton
@Secondary
final class CaffeineDialogueStateStore implements DialogueStateStore {

    private final Cache<String, DialogueState> states;

    @Inject
    CaffeineDialogueStateStore(AssistantConfig config) {
        this(config.maxSessions(), Duration.ofMinutes(config.sessionTtlMinutes()), Ticker.systemTicker());
    }

    CaffeineDialogueStateStore(int maxSessions, Duration idle, Ticker ticker) {
        this.states = Caffeine.newBuilder().maximumSize(maxSessions).expireAfterAccess(idle).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public DialogueState get(String sessionId) {
        DialogueState s = sessionId == null ? null : states.getIfPresent(sessionId);
        return s == null ? DialogueState.EMPTY : s;
    }

    @Override
    public void put(String sessionId, DialogueState state) {
        if (sessionId != null && state != null) {
            states.put(sessionId, state);
        }
    }

    long size() {
        states.cleanUp();
        return states.estimatedSize();
    }
}

package vn.hoidap.assistant;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions by id with a time-to-live and a hard cap on how many are kept (least recently used go first),
 * so memory stays bounded whatever clients send.
 */
@Singleton
final class SessionStore {

    private record Entry(Session session, long touchedAt) {
    }

    private final Map<String, Entry> entries;
    private final long ttlMillis;
    private final Clock clock;

    @jakarta.inject.Inject
    SessionStore(AssistantConfig config) {
        this(config.maxSessions(), Duration.ofMinutes(config.sessionTtlMinutes()), Clock.systemUTC());
    }

    SessionStore(int maxSessions, Duration ttl, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSessions;
            }
        };
    }

    synchronized Session get(String sessionId) {
        Entry e = entries.get(sessionId);
        if (e == null) {
            return Session.EMPTY;
        }
        if (clock.millis() - e.touchedAt() > ttlMillis) {
            entries.remove(sessionId);
            return Session.EMPTY;
        }
        return e.session();
    }

    synchronized void put(String sessionId, Session session) {
        entries.put(sessionId, new Entry(session, clock.millis()));
    }

    synchronized int size() {
        return entries.size();
    }
}

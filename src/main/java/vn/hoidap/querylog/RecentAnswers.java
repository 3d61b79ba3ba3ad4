package vn.hoidap.querylog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The newest answer of each recently seen session (by its salted hash), written or not yet: feedback "on my
 * last answer" must find an answer that still waits in the queue. Bounded, least recently used out.
 */
final class RecentAnswers {

    private final Map<String, UUID> latest;

    RecentAnswers(int sessions) {
        this.latest = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
                return size() > sessions;
            }
        });
    }

    void answered(String sessionHash, UUID answerId) {
        if (sessionHash != null) {
            latest.put(sessionHash, answerId);
        }
    }

    Optional<UUID> latestOf(String sessionHash) {
        return Optional.ofNullable(latest.get(sessionHash));
    }
}

package vn.hoidap.state;

import java.time.Duration;
import java.util.Optional;

/**
 * A key/value store every instance sees: one JSON string per (namespace, key), gone after its time to
 * live. Backed by PostgreSQL ({@link PostgresSharedState}), so a follow-up answered by another instance
 * finds the state the previous instance stored. Typical use, dialogue state per session:
 * <pre>
 * state.put("dialogue", sessionId, json, Duration.ofMinutes(30));
 * Optional&lt;String&gt; json = state.get("dialogue", sessionId);
 * </pre>
 */
public interface SharedState {

    /** The value if present and not expired. */
    Optional<String> get(String namespace, String key);

    /** Stores (or replaces) the value; it expires {@code ttl} after this call. */
    void put(String namespace, String key, String json, Duration ttl);

    void remove(String namespace, String key);
}

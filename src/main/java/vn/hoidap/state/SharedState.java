package vn.hoidap.state;

import java.time.Duration;
import java.time.Instant;
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

    /** The version of a value no store ever gave: "I hold nothing". */
    long NO_VERSION = -1;

    /**
     * A stored value with its version (unique for the key over all time, so equal versions mean the same
     * value) and its expiry. {@code value} is null when the caller already holds this version.
     */
    record Versioned(String value, long version, Instant expiresAt) {
        public boolean unchanged() {
            return value == null;
        }
    }

    /** The value if present and not expired. */
    Optional<String> get(String namespace, String key);

    /**
     * The value's version and expiry if present and not expired, with the value itself only when its
     * version is not {@code knownVersion}: one small query, no transfer of a value the caller holds.
     * While the database is away, this instance's last value with {@link #NO_VERSION}.
     */
    Optional<Versioned> getIfChanged(String namespace, String key, long knownVersion);

    /** Stores (or replaces) the value; it expires {@code ttl} after this call. */
    default void put(String namespace, String key, String json, Duration ttl) {
        putVersioned(namespace, key, json, ttl);
    }

    /**
     * {@link #put} returning the value's new version, or {@link #NO_VERSION} when it was kept in this
     * instance only (the database away; it is written back later).
     */
    long putVersioned(String namespace, String key, String json, Duration ttl);

    void remove(String namespace, String key);
}

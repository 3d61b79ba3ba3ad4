package vn.hoidap.assistant;

/**
 * Dialogue states by session id, forgotten after the configured idle time. The in-memory implementation
 * serves one instance; a shared store (PostgreSQL key/value with expiry) lets replicas continue each
 * other's conversations: it keeps {@link DialogueStateCodec}'s JSON.
 */
public interface DialogueStateStore {

    /** The state of a session, or {@link DialogueState#EMPTY} when unknown or expired. */
    DialogueState get(String sessionId);

    void put(String sessionId, DialogueState state);
}

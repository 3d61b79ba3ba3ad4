package vn.hoidap.assistant;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * A dialogue state as a JSON string and back, for stores outside this process (a key/value table shared by
 * replicas). A string that does not read as a state (an older format, a damaged row) is an empty state: the
 * conversation starts over rather than failing.
 */
@Singleton
public final class DialogueStateCodec {

    private final JsonMapper json;

    DialogueStateCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(DialogueState state) {
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new IllegalStateException("A dialogue state always serialises", e);
        }
    }

    public DialogueState read(String text) {
        if (text == null || text.isBlank()) {
            return DialogueState.EMPTY;
        }
        try {
            DialogueState s = json.readValue(text, DialogueState.class);
            return s == null ? DialogueState.EMPTY : s;
        } catch (IOException | RuntimeException e) {
            return DialogueState.EMPTY;
        }
    }
}

package vn.hoidap.assistant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.exceptions.SerdeException;

import java.io.IOException;

/**
 * The body of {@code POST /api/chat}. Each field must be a JSON string (or absent / null): a number or a
 * list where a string belongs is refused ({@link NotAString}), not coerced into text as Serde would by default.
 * The fields are bound as arbitrary values ({@link Raw}) and checked here, rather than by a custom
 * {@code Deserializer<String>} bean: such a bean becomes Serde's deserializer for every String in the
 * application (form bodies included), which broke the console's sign-in form.
 */
record ChatRequest(String message, String sessionId, String channel) {

    /** The body as Serde binds it, before the type check. */
    @Serdeable
    record Raw(@Nullable Object message, @Nullable Object sessionId, @Nullable Object channel) {
    }

    /** A field that is present but not a string. */
    static final class NotAString extends SerdeException {
        NotAString() {
            super("not a string");
        }
    }

    /** Reads a body; broken JSON is the mapper's IOException, a non-string field a {@link NotAString}. */
    static ChatRequest read(JsonMapper json, String body) throws IOException {
        Raw raw = json.readValue(body, Raw.class);
        if (raw == null) {
            return null;
        }
        return new ChatRequest(string(raw.message()), string(raw.sessionId()), string(raw.channel()));
    }

    private static String string(Object value) throws NotAString {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new NotAString();
    }
}

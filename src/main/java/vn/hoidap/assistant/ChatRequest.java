package vn.hoidap.assistant;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

/**
 * The body of {@code POST /api/chat}, bound by Micronaut Serde. Each field must be a JSON string (or
 * absent / null): a number or a list where a string belongs is refused ({@link NotAString}), not coerced
 * into text as Serde would by default.
 */
@Serdeable
record ChatRequest(@Serdeable.Deserializable(using = StrictString.class) String message,
                   @Serdeable.Deserializable(using = StrictString.class) String sessionId,
                   @Serdeable.Deserializable(using = StrictString.class) String channel) {

    /** A field that is present but not a string. */
    static final class NotAString extends SerdeException {
        NotAString() {
            super("not a string");
        }
    }

    /** Reads a JSON string and nothing else. */
    @Singleton
    static final class StrictString implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws java.io.IOException {
            Object value = decoder.decodeArbitrary();
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw new NotAString();
        }

        @Override
        public boolean allowNull() {
            return true;
        }
    }
}

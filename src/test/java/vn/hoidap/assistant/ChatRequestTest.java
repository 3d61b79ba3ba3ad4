package vn.hoidap.assistant;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat body as Serde binds it: strings only, never a number or a list coerced into text. */
@MicronautTest(startApplication = false)
class ChatRequestTest {

    @Inject
    JsonMapper json;

    @Test
    void bindsStringsAndAbsentFields() throws IOException {
        ChatRequest r = ChatRequest.read(json, "{\"message\":\"xin chào\",\"channel\":\"web\",\"other\":1}");
        assertEquals("xin chào", r.message());
        assertEquals("web", r.channel());
        assertNull(r.sessionId());
        assertNull(ChatRequest.read(json, "{\"message\":null}").message());
    }

    @Test
    void refusesAnythingButAStringInAStringField() {
        for (String body : new String[] {"{\"message\": 42}", "{\"message\": [\"a\"]}", "{\"message\": true}",
                "{\"message\": \"a\", \"sessionId\": {\"x\": 1}}", "{\"message\": \"a\", \"channel\": 1.5}"}) {
            IOException e = assertThrows(IOException.class, () -> ChatRequest.read(json, body), body);
            boolean found = false;
            for (Throwable t = e; t != null && !found; t = t.getCause()) {
                found = t instanceof ChatRequest.NotAString;
            }
            assertTrue(found, body + ": " + e);
        }
    }
}

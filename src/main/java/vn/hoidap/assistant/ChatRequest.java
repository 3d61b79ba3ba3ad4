package vn.hoidap.assistant;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record ChatRequest(String message, String sessionId, String channel) {
}

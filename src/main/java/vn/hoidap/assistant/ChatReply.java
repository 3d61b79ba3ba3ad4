package vn.hoidap.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The HTTP shape of an answer, as DESIGN.md fixes it (plus {@code answerId} for feedback). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ChatReply(String sessionId, String answerId, String answer, String intent, double confidence, boolean fallback,
                 List<Source> sources, List<String> suggestions) {

    static ChatReply of(Answer a) {
        return new ChatReply(a.sessionId(), a.answerId(), a.text(), a.intent(), a.confidence(), a.fallback(),
                a.sources(), a.suggestions());
    }
}

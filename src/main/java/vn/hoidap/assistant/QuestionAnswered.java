package vn.hoidap.assistant;

import java.time.Instant;

/** Published after every answer, on any channel; the query log listens. */
public record QuestionAnswered(Question question, Answer answer, Instant at, long latencyMicros) {
}

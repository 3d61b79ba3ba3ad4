package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A person's verdict on one answer, kept until its log row is in the database. */
@Serdeable
record Feedback(UUID answerId, boolean helpful, @Nullable String comment, Instant at) {
}

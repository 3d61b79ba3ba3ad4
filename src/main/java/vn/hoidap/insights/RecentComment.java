package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A feedback comment with the question it is about. */
@Introspected
record RecentComment(Instant askedAt, @Nullable String question, String comment, boolean helpful) {
}

package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One question key of a group over a range: its counts, when it was last asked, its latest wording and topic. */
@Introspected
record KeyCount(long groupId, String questionKey, long questions, long unanswered, Instant lastAt,
                @Nullable Instant lastUnansweredAt, @Nullable String question, @Nullable String topic) {
}

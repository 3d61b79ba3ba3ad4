package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A reviewer's decision about one question key of the review queue. */
@MappedEntity("review_decision")
record ReviewDecision(@Id String questionKey, String decision, @Nullable String faqId, String actor, Instant decidedAt) {
}

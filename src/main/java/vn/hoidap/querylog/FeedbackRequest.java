package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/feedback}: which answer (its logId = answerId, or the session's latest), and the verdict. */
@Serdeable
record FeedbackRequest(@Nullable String sessionId, @Nullable String logId, @Nullable Boolean helpful,
                       @Nullable String comment) {
}

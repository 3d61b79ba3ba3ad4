package vn.hoidap.querylog;

import io.micronaut.serde.annotation.Serdeable;

/** What {@code POST /api/feedback} answers: the answer the verdict was stored against. */
@Serdeable
record FeedbackReceipt(String logId, boolean helpful, String message) {
}

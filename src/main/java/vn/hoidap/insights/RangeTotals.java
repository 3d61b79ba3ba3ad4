package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/** Questions and unanswered ones of a whole range. */
@Introspected
record RangeTotals(long questions, long unanswered) {
}

package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

import java.time.LocalDate;

/** Questions and unanswered ones asked on one day. */
@Introspected
record DayVolume(LocalDate day, long questions, long unanswered) {
}

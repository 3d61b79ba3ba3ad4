package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/** Questions asked in one hour of the day (0–23, Vietnam's time). */
@Introspected
record HourCount(int hour, long questions) {
}

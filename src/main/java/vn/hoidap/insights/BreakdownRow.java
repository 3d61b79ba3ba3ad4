package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * One row of the dashboard's one-pass breakdown: a channel ({@code byChannel}), a province
 * ({@code byProvince}) or a theme and topic, with its counts.
 */
@Introspected
record BreakdownRow(boolean byChannel, boolean byProvince, @Nullable String channel, @Nullable String province,
                    @Nullable String theme, @Nullable String topic, long questions, long unanswered, long rated,
                    long helpful) {
}

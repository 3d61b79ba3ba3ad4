package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/**
 * A near-duplicate group's count over a range ({@code count}), with the range's keyed questions
 * ({@code total}); {@code exact}: the ranking is proven (see {@link InsightsRepository#topGroups});
 * {@code segments}: how many of the segments asked for still existed when it was read.
 */
@Introspected
record GroupCount(long groupId, long count, boolean exact, long total, long segments) {
}

package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/** Questions and unanswered ones under one name (a channel, a province; '' = not known). */
@Introspected
record NamedCount(String name, long questions, long unanswered) {
}

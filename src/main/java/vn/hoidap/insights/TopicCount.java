package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/** Questions of one topic under its theme ('' = "khác"). */
@Introspected
record TopicCount(String theme, String topic, long questions) {
}

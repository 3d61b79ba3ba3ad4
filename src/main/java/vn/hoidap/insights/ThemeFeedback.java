package vn.hoidap.insights;

import io.micronaut.core.annotation.Introspected;

/** Questions, verdicts and helpful verdicts of one theme ('' = "khác"). */
@Introspected
record ThemeFeedback(String theme, long questions, long rated, long helpful) {
}

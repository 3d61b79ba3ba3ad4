package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An FAQ entry as the editor sends it. {@code keys}: question keys of review-queue groups this entry
 * answers (they leave the queue as "published").
 */
@Serdeable
record FaqDraft(@Nullable String question, @Nullable List<String> phrasings, @Nullable String answer,
                @Nullable String topic, @Nullable String basis, @Nullable String audience,
                @Nullable List<String> keys) {
}

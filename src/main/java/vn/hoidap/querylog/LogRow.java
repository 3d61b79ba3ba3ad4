package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One question as it is stored: already redacted and hashed, so it may be written to the spill file.
 * {@code questionKey} groups near-duplicates in the insights.
 */
@Serdeable
public record LogRow(
        UUID id,
        Instant askedAt,
        String channel,
        @Nullable String sessionHash,
        @Nullable String question,
        @Nullable String questionKey,
        @Nullable String intent,
        String topic,
        @Nullable String theme,
        @Nullable String province,
        @Nullable String agency,
        boolean fallback,
        @Nullable Double confidence,
        @Nullable String topSource,
        @Nullable Integer latencyMs) {
}

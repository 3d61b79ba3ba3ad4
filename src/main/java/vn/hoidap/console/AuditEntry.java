package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One change made in the console: who, when, what (action + target), and the record before and after as JSON. */
@Serdeable
@MappedEntity("audit_log")
record AuditEntry(
        @Id @GeneratedValue Long id,
        Instant at,
        String actor,
        String action,
        @Nullable String target,
        @Nullable String before,
        @Nullable String after) {
}

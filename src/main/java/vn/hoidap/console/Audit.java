package vn.hoidap.console;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes the audit trail: every change a console user makes, with the record before and after. */
@Singleton
final class Audit {

    private final AuditRepository repository;
    private final JsonMapper json;

    Audit(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    void record(String actor, String action, String target, Object before, Object after) {
        repository.save(new AuditEntry(null, Instant.now(), actor, action, target, toJson(before), toJson(after)));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an audit record", e);
        }
    }
}

package vn.hoidap.console;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A console user as the API and the audit trail show it (no password hash). */
@Serdeable
record UserView(Long id, String username, String role, boolean enabled, Instant createdAt) {
}

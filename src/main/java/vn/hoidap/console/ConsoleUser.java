package vn.hoidap.console;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person who may sign in to the console; {@code role} is {@link Roles#COMMS} or {@link Roles#ADMIN}. */
@MappedEntity("console_user")
record ConsoleUser(
        @Id @GeneratedValue Long id,
        String username,
        String passwordHash,
        String role,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    ConsoleUser withPassword(String hash, Instant now) {
        return new ConsoleUser(id, username, hash, role, enabled, createdAt, now);
    }

    ConsoleUser with(String newRole, boolean nowEnabled, Instant now) {
        return new ConsoleUser(id, username, passwordHash, newRole, nowEnabled, createdAt, now);
    }

    /** What the audit trail and the API show: never the hash. */
    UserView view() {
        return new UserView(id, username, role, enabled, createdAt);
    }
}

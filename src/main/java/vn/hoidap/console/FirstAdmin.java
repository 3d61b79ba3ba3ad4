package vn.hoidap.console;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * The first admin, "admin". With {@code HOIDAP_ADMIN_PASSWORD} set, that is its password (set again at
 * every start when it differs: the operator's way back in). Without it, and with no admin yet, a random
 * password is generated and written to a file only the service's user can read; the log names the file,
 * never the password. There is no default password.
 */
@Singleton
final class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final ConsoleUserRepository users;
    private final Passwords passwords;
    private final ConsoleConfig config;
    private final Audit audit;

    FirstAdmin(ConsoleUserRepository users, Passwords passwords, ConsoleConfig config, Audit audit) {
        this.users = users;
        this.passwords = passwords;
        this.config = config;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        ensure();
    }

    synchronized void ensure() {
        String configured = config.adminPassword();
        var existing = users.findByUsername(USERNAME);
        Instant now = Instant.now();
        if (configured != null && !configured.isBlank()) {
            if (existing.isEmpty()) {
                users.save(new ConsoleUser(null, USERNAME, passwords.hash(configured), Roles.ADMIN, true, now, now));
                audit.record("system", "user.create", "user:" + USERNAME, null, "HOIDAP_ADMIN_PASSWORD");
                LOG.info("Console admin '{}' created with the password from HOIDAP_ADMIN_PASSWORD", USERNAME);
            } else if (!passwords.matches(configured, existing.get().passwordHash())) {
                users.update(existing.get().withPassword(passwords.hash(configured), now));
                audit.record("system", "user.password", "user:" + USERNAME, null, "HOIDAP_ADMIN_PASSWORD");
                LOG.info("Console admin '{}': password set from HOIDAP_ADMIN_PASSWORD", USERNAME);
            }
            return;
        }
        if (existing.isPresent()) {
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = Path.of(config.adminPasswordFile()).toAbsolutePath().normalize();
        write(file, generated);
        users.save(new ConsoleUser(null, USERNAME, passwords.hash(generated), Roles.ADMIN, true, now, now));
        audit.record("system", "user.create", "user:" + USERNAME, null, "generated");
        LOG.warn("HOIDAP_ADMIN_PASSWORD is not set: console user '{}' was created with a generated password, "
                + "written to {} (readable only by this service's user). Sign in at /quan-tri and change it, "
                + "then delete the file.", USERNAME, file);
    }

    /** Created with mode 0600 from the start (never world-readable, not even for a moment). */
    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.delete(file);
            } catch (java.nio.file.NoSuchFileException ignored) {
                // the usual case
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                throw new IllegalStateException("Another process created " + file + " at the same moment", raced);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file, e);
        }
    }
}

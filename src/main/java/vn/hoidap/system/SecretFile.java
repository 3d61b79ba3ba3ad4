package vn.hoidap.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a generated secret (the admin password when none is configured) to a file only the service's
 * user can read, under {@code ${HOIDAP_DATA_DIR:./data}/secrets/}, so the secret never reaches the log:
 * the log names the file. The file is created with mode 0600 from the start (never readable by others,
 * not even for a moment) and replaced atomically.
 */
public final class SecretFile {

    private SecretFile() {
    }

    public static Path dataDir() {
        String configured = System.getProperty("hoidap.data-dir");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("HOIDAP_DATA_DIR");
        }
        return Path.of(configured == null || configured.isBlank() ? "./data" : configured);
    }

    /** Writes {@code value} to {@code <data dir>/secrets/<name>}; returns the absolute path. */
    public static Path write(String name, String value) {
        return write(dataDir().resolve("secrets"), name, value);
    }

    static Path write(Path dir, String name, String value) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("secret file name: " + name);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            Path tmp = dir.resolve("." + name + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Path target = dir.resolve(name);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secret file " + dir.resolve(name).toAbsolutePath(), e);
        }
    }
}

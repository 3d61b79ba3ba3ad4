package vn.hoidap.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 16: the generated admin password was printed in the log; now it is in a file only its owner reads. */
class SecretFileTest {

    @TempDir
    Path tmp;

    @Test
    void theSecretIsWrittenOwnerOnlyAndReplacedAtomically() throws Exception {
        Path file = SecretFile.write(tmp.resolve("secrets"), "admin-password", "first");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("first\n", Files.readString(file));
        SecretFile.write(tmp.resolve("secrets"), "admin-password", "second");
        assertEquals("second\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void namesCannotEscapeTheDirectory() {
        assertThrows(IllegalArgumentException.class, () -> SecretFile.write(tmp, "../x", "v"));
    }
}

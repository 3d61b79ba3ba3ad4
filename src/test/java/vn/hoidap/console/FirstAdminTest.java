package vn.hoidap.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.hoidap.system.TestDatabaseSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first admin on an empty database: no default password; a generated one only in a 0600 file. */
class FirstAdminTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredPasswordAGeneratedOneGoesToAPrivateFileAndNeverToTheLog() throws Exception {
        String db = "first_admin_" + System.nanoTime();
        try (Connection c = TestDatabaseSession.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        Path file = dir.resolve("secret/admin-password.txt");
        Logger log = (Logger) LoggerFactory.getLogger(FirstAdmin.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "datasources.default.url", TestDatabaseSession.server().getJdbcUrl("postgres", db),
                "hoidap.console.admin-password", "",
                "hoidap.console.admin-password-file", file.toString(),
                "hoidap.telegram.token", "",
                "hoidap.querylog.enabled", "false"))) {
            ctx.getBean(FirstAdmin.class).ensure();
            assertTrue(Files.exists(file));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
            String password = Files.readString(file).strip();
            assertTrue(password.length() >= 20);
            Accounts accounts = ctx.getBean(Accounts.class);
            assertTrue(accounts.authenticate("admin", password, "127.0.0.9").isAuthenticated());
            for (String guess : new String[] {"", "admin", "password", "hoidap", "123456"}) {
                assertFalse(accounts.authenticate("admin", guess, "127.0.0.8").isAuthenticated(), guess);
            }
            assertTrue(seen.list.stream().anyMatch(e -> e.getFormattedMessage().contains(file.toString())),
                    "the log names the file");
            assertTrue(seen.list.stream().noneMatch(e -> e.getFormattedMessage().contains(password)),
                    "the log never shows the password");
            // a second start with an admin present generates nothing new
            ctx.getBean(FirstAdmin.class).ensure();
            assertEquals(password, Files.readString(file).strip());
        } finally {
            log.detachAppender(seen);
        }
    }
}

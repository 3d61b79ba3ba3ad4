package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: a dead embedded PostgreSQL was never restarted, and after a {@code kill -9} of the JVM the
 * orphaned server made the next start fail. Both with real servers and real signals.
 */
class EmbeddedPostgresSupervisorTest {

    @TempDir
    Path tmp;

    private static boolean answers(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aKilledServerIsStartedAgainOnTheSamePortWithItsData() throws Exception {
        Path dir = tmp.resolve("pg");
        EmbeddedPostgresSupervisor s = EmbeddedPostgresSupervisor.start(dir);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + s.port() + "/postgres?user=postgres");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept(x int); INSERT INTO kept VALUES (1)");
                // zonky runs PostgreSQL with synchronous_commit=off: make the row durable before the kill.
                st.execute("CHECKPOINT");
            }
            long pid = EmbeddedPostgresSupervisor.postmasterPid(dir).orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
            // Wait (bounded) for the watchdog; no assertion on how long it took.
            for (int i = 0; i < 240 && !answers(s.port()); i++) {
                Thread.sleep(500);
            }
            assertTrue(answers(s.port()), "the server answers again on port " + s.port() + " with its data");
            assertEquals(1, s.restarts());
        } finally {
            s.close();
        }
    }

    /** Started in a child JVM which the test then kills with SIGKILL, leaving its PostgreSQL behind. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void anOrphanLeftByAKilledJvmIsStoppedBeforeStartUp() throws Exception {
        Path dir = tmp.resolve("orphan");
        Process child = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), EmbeddedPostgresSupervisorTest.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the child's log
            }
            assertTrue(line != null, "the child started its PostgreSQL");
        }
        long orphan = EmbeddedPostgresSupervisor.postmasterPid(dir).orElseThrow();
        child.destroyForcibly().waitFor(); // kill -9 of the JVM: its PostgreSQL keeps running
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan is running");

        Optional<Long> stopped = EmbeddedPostgresSupervisor.stopOrphan(dir);
        assertEquals(Optional.of(orphan), stopped);
        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan is gone");
        EmbeddedPostgresSupervisor s = EmbeddedPostgresSupervisor.start(dir);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + s.port() + "/postgres?user=postgres")) {
            assertTrue(c.isValid(5));
        } finally {
            s.close();
        }
    }
}

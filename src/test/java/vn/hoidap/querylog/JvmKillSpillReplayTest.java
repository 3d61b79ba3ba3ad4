package vn.hoidap.querylog;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.system.DatabaseBootstrap;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM killed with SIGKILL while the database is away: what the writer had put in the spill file is
 * replayed at the next start, each row once. A child JVM answers questions with its database stopped,
 * reports when the writer has spilled them, and is killed without any shutdown hook; the next instance on the
 * same spill directory writes them all.
 */
class JvmKillSpillReplayTest {

    private static final int QUESTIONS = 120;

    @TempDir
    Path tmp;

    private EmbeddedPostgres pg;
    private ApplicationContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null && context.isRunning()) {
            context.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    /**
     * The child: a service on the given database URL and spill directory. After "GO" on stdin (the parent has
     * stopped the database) it answers {@link #QUESTIONS} questions, prints their ids, and "SPILLED" once the
     * writer's queue is empty and every one of them is in the spill file; then it waits to be killed.
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", args[0]);
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
        props.put("datasources.default.connection-timeout", "1000");
        props.put("hoidap.querylog.spill-dir", args[1]);
        props.put("hoidap.querylog.retry-millis", "300");
        props.put("hoidap.querylog.flush-millis", "20");
        props.put("hoidap.console.admin-password", "jvm-kill");
        ApplicationContext ctx = ApplicationContext.run(props, "test");
        QueryLogWriter writer = ctx.getBean(QueryLogWriter.class);
        out.println("READY");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Assistant assistant = ctx.getBean(Assistant.class);
        for (int i = 0; i < QUESTIONS; i++) {
            out.println("ID " + assistant.answer(new Question("Trước khi máy dừng " + i + ": chữ ký số là gì?",
                    "kill-" + (i % 5), "web")).answerId());
        }
        while (writer.queueDepth() > 0 || writer.heldCount() > 0 || writer.spilledCount() < QUESTIONS) {
            Thread.sleep(50);
        }
        out.println("SPILLED " + writer.spilledCount());
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES) // a hung child fails, never hangs the run
    void spilledRowsSurviveAKill9AndAreWrittenAtTheNextStart() throws Exception {
        Path data = tmp.resolve("pg");
        Path spill = tmp.resolve("spill");
        pg = DatabaseBootstrap.startEmbedded(data);
        int port = pg.getPort();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        Process child = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), JvmKillSpillReplayTest.class.getName(), url, spill.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> ids = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line = lines.readLine();
            assertEquals("READY", line, "the child service started");
            pg.close(); // the database goes away, then the questions come
            pg = null;
            toChild.println("GO");
            while ((line = lines.readLine()) != null && !line.startsWith("SPILLED")) {
                if (line.startsWith("ID ")) {
                    ids.add(line.substring(3));
                }
            }
            assertTrue(line != null, "the child spilled its questions");
        } finally {
            child.destroyForcibly().waitFor(); // kill -9: no shutdown hook, no drain
        }
        assertEquals(QUESTIONS, ids.size());
        assertTrue(spillFiles(spill) > 0, "the questions are on disk");

        pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
        Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
        props.put("hoidap.querylog.spill-dir", spill.toString());
        props.put("hoidap.querylog.retry-millis", "300");
        context = ApplicationContext.run(props, "test");
        QueryLogTest.await(() -> count(port) == QUESTIONS);
        QueryLogTest.await(() -> spillFiles(spill) == 0);
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id::text, count(*) OVER (PARTITION BY id) FROM query_log")) {
            Set<String> stored = new HashSet<>();
            while (rs.next()) {
                assertEquals(1, rs.getInt(2), "stored once: " + rs.getString(1));
                stored.add(rs.getString(1));
            }
            assertEquals(ids, stored, "exactly the questions the killed JVM answered");
        }
    }

    private static int spillFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.toString().endsWith(".jsonl")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long count(int port) {
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }
}

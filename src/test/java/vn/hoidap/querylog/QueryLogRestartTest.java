package vn.hoidap.querylog;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.system.DatabaseBootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query log loses nothing when its database goes away: a server of our own is stopped in the middle of a
 * stream of questions and started again on the same port and data; every question is then stored exactly once,
 * and answering never waited for the database.
 */
class QueryLogRestartTest {

    @TempDir
    Path tmp;

    private EmbeddedPostgres pg;
    private ApplicationContext context;

    @AfterEach
    void stop() throws IOException {
        if (context != null && context.isRunning()) {
            context.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void everyQuestionIsStoredExactlyOnceAcrossADatabaseRestart() throws Exception {
        Path data = tmp.resolve("pg");
        pg = DatabaseBootstrap.startEmbedded(data);
        int port = pg.getPort();
        context = start(tmp.resolve("spill"));
        Assistant assistant = context.getBean(Assistant.class);
        FeedbackSink feedback = context.getBean(FeedbackSink.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i == 100) {
                pg.close(); // the database goes away in the middle of the stream
            }
            if (i == 250) {
                pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
            }
            Answer a = assistant.answer(new Question("Câu hỏi số " + i + ": làm VNeID ở đâu?", "session-" + (i % 7), "web"));
            ids.add(a.answerId());
            if (i == 180) {
                // Feedback for an answer that waits on disk is held and stored once its row is written.
                assertEquals(FeedbackSink.Result.STORED, feedback.record(a.answerId(), true, "hữu ích"));
            }
            Thread.sleep(5);
        }
        // Every question was answered while the database was away (answers never wait for it); how fast
        // is a benchmark figure (ChatLatencyBenchmark), not an assertion a loaded machine could fail.

        QueryLogTest.await(() -> count(port) == 300);
        Thread.sleep(500); // let a (wrong) second replay show up if there were one
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id::text, count(*) OVER (PARTITION BY id) FROM query_log")) {
            Map<String, Long> stored = new HashMap<>();
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2));
            }
            assertEquals(300, stored.size());
            for (String id : ids) {
                assertEquals(1L, stored.get(id), "stored exactly once: " + id);
            }
        }
        QueryLogTest.await(() -> helpful(port, ids.get(180)));
        assertTrue(context.getBean(QueryLogWriter.class).spilledCount() > 0, "the outage went through the spill file");
        QueryLogTest.await(() -> spillFiles(tmp.resolve("spill")) == 0);
    }

    @Test
    void aCleanShutdownWhileTheDatabaseIsAwayKeepsEntriesForTheNextStart() throws Exception {
        Path data = tmp.resolve("pg");
        pg = DatabaseBootstrap.startEmbedded(data);
        int port = pg.getPort();
        context = start(tmp.resolve("spill"));
        Assistant assistant = context.getBean(Assistant.class);
        Answer before = assistant.answer(new Question("Chữ ký số là gì?", "a", "web"));
        QueryLogTest.await(() -> count(port) == 1);
        pg.close();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(assistant.answer(new Question("Mất kết nối " + i, "b", "telegram")).answerId());
        }
        context.close();
        assertTrue(spillFiles(tmp.resolve("spill")) > 0, "entries kept on disk");

        pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
        context = start(tmp.resolve("spill"));
        QueryLogTest.await(() -> count(port) == 51);
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(DISTINCT id), count(*) FILTER (WHERE channel = 'telegram') FROM query_log")) {
            rs.next();
            assertEquals(51, rs.getInt(1));
            assertEquals(50, rs.getInt(2));
        }
        assertTrue(ids.size() == 50 && before.answerId() != null);
    }

    @Test
    void aFullQueueOverflowsToDiskAndNothingIsLost() throws Exception {
        pg = DatabaseBootstrap.startEmbedded(tmp.resolve("pg"));
        int port = pg.getPort();
        context = start(tmp.resolve("spill"), Map.of("hoidap.querylog.queue-capacity", "2"));
        Assistant assistant = context.getBean(Assistant.class);
        for (int i = 0; i < 500; i++) {
            assistant.answer(new Question("Dồn dập " + i, "burst", "web"));
        }
        assertTrue(context.getBean(QueryLogWriter.class).spilledCount() > 0, "the burst overflowed the queue");
        QueryLogTest.await(() -> count(port) == 500);
        QueryLogTest.await(() -> context.getBean(QueryLogWriter.class).idle());
    }

    private ApplicationContext start(Path spill) {
        return start(spill, Map.of());
    }

    private ApplicationContext start(Path spill, Map<String, Object> extra) {
        // Our own server and spill directory, overriding the suite-wide test database in system properties.
        Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
        props.put("hoidap.querylog.spill-dir", spill.toString());
        props.put("hoidap.querylog.retry-millis", "300");
        props.put("hoidap.querylog.flush-millis", "20");
        props.put("datasources.default.connection-timeout", "1000");
        props.putAll(extra);
        ApplicationContext ctx = ApplicationContext.run(props, "test");
        String url = ctx.getProperty("datasources.default.url", String.class).orElseThrow();
        assertTrue(url.contains(":" + pg.getPort() + "/"), "uses this test's server: " + url);
        return ctx;
    }

    private static int spillFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.toString().endsWith(".jsonl")).count();
        } catch (IOException e) {
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

    private static boolean helpful(int port, String id) {
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT feedback FROM query_log WHERE id = '" + UUID.fromString(id) + "'")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }
}

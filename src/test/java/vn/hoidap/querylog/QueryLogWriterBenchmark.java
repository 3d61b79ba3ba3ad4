package vn.hoidap.querylog;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.assistant.QuestionAnswered;
import vn.hoidap.system.DatabaseBootstrap;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained-rate benchmark of the query-log writer (not a test; surefire skips *Benchmark): publishes
 * {@code QuestionAnswered} events at a fixed rate (default 500/s for 60 s) from 4 threads, as channels do,
 * into a fresh embedded PostgreSQL with the real triggers and partitions, and reports the highest queue
 * depth, entries spilled and lost, and whether every row arrived. The events are real answers of the
 * assistant to the benchmark questions, each published with a new answer id. Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.querylog.QueryLogWriterBenchmark [rate] [seconds]
 * </pre>
 */
public final class QueryLogWriterBenchmark {

    private QueryLogWriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        // BENCH_DIR: an existing data folder (InsightsBenchmark's, say: 1,000,000 rows already logged) instead of
        // a fresh one; BENCH_PREFILL=n fills the log up to n rows first (InsightsBenchmark's synthetic rows);
        // BENCH_NEW_KEYS=0.2: that share of the questions is a wording never logged before (a new key each).
        String keep = System.getenv("BENCH_DIR");
        Path dir = keep != null ? Path.of(keep) : Files.createTempDirectory("writer-bench");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(keep == null).start();
        int prefill = Integer.parseInt(System.getenv().getOrDefault("BENCH_PREFILL", "0"));
        double newKeys = Double.parseDouble(System.getenv().getOrDefault("BENCH_NEW_KEYS", "0"));
        Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
        props.put("hoidap.querylog.spill-dir", dir.resolve("spill").toString());
        props.put("hoidap.console.admin-password", "bench");
        // A kept data folder may have been migrated by an earlier text of a migration still being worked on.
        props.put("flyway.datasources.default.validate-on-migrate", "false");
        props.put("hoidap.querylog.retention-days", "3650");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            if (prefill > 0) {
                long existing = count(ctx.getBean(JdbcOperations.class));
                if (existing < prefill) {
                    vn.hoidap.insights.InsightsBenchmark.fill(ctx.getBean(JdbcOperations.class), (int) (prefill - existing));
                }
            }
            Assistant assistant = ctx.getBean(Assistant.class);
            List<QuestionAnswered> templates = new ArrayList<>();
            for (String q : Files.readAllLines(Path.of("src/test/resources/bench/questions.txt"), StandardCharsets.UTF_8)) {
                if (!q.isBlank() && templates.size() < 200) {
                    Question question = new Question(q.strip(), UUID.randomUUID().toString(), "web");
                    templates.add(new QuestionAnswered(question, assistant.answer(question), Instant.now(), 1234));
                }
            }
            QueryLogWriter writer = ctx.getBean(QueryLogWriter.class);
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);
            waitIdle(writer);
            long before = count(jdbc);
            @SuppressWarnings("unchecked")
            ApplicationEventPublisher<QuestionAnswered> events = ctx.getBean(ApplicationEventPublisher.class);
            AtomicInteger sent = new AtomicInteger();
            AtomicLong maxPublishNanos = new AtomicLong();
            int total = rate * seconds;
            int threads = 4;
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(threads + 1);
            int maxDepth = 0;
            long spilledBefore = writer.spilledCount();
            long start = System.nanoTime();
            // Every 10 ms each thread publishes until the number due by now (rate × elapsed time) is reached, so
            // the offered rate is the one asked for whatever the rate's divisibility (a fixed count per tick
            // rounded 500/s down to 400/s).
            for (int t = 0; t < threads; t++) {
                pool.scheduleAtFixedRate(() -> {
                    long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
                    while (true) {
                        int n = sent.get();
                        if (n >= due || !sent.compareAndSet(n, n + 1)) {
                            if (n >= due) {
                                return;
                            }
                            continue;
                        }
                        QuestionAnswered tpl = templates.get(n % templates.size());
                        Question q = tpl.question();
                        if (newKeys > 0 && (n * 0.618034) % 1.0 < newKeys) {
                            q = new Question(q.text() + " số " + n, q.sessionId(), q.channel(), q.province(), q.newSession());
                        }
                        QuestionAnswered e = new QuestionAnswered(q, withIdUnchecked(tpl.answer(),
                                UUID.randomUUID().toString()), Instant.now(), tpl.latencyMicros());
                        long t0 = System.nanoTime();
                        events.publishEvent(e);
                        maxPublishNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    }
                }, 0, 10, TimeUnit.MILLISECONDS);
            }
            while (sent.get() < total) {
                maxDepth = Math.max(maxDepth, writer.queueDepth());
                Thread.sleep(20);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();
            waitIdle(writer);
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            long stored = count(jdbc) - before;
            System.out.printf("log rows before: %,d; new keys: %.0f %%; ungrouped keys at the end: %s%n", before,
                    newKeys * 100, jdbc.execute(c -> {
                        try (Statement st = c.createStatement();
                             ResultSet rs = st.executeQuery("SELECT count(*) FROM question_group WHERE NOT settled")) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }));
            System.out.printf("offered %,d events in %.1f s (%.0f/s); stored %,d; spilled %d; lost %d; "
                            + "max queue depth %d of %d; all stored after %.1f s; slowest publish %.2f ms; load %.1f%n",
                    sent.get(), sendSeconds, sent.get() / sendSeconds, stored, writer.spilledCount() - spilledBefore,
                    writer.lostCount(), maxDepth, ctx.getBean(QueryLogConfig.class).queueCapacity(), drainSeconds,
                    maxPublishNanos.get() / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            pg.close();
        }
    }

    /** A copy of the answer with another id, whatever the record's other components are. */
    static Answer withId(Answer a, String id) throws ReflectiveOperationException {
        RecordComponent[] parts = Answer.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = "answerId".equals(parts[i].getName()) ? id : parts[i].getAccessor().invoke(a);
        }
        Constructor<Answer> c = Answer.class.getDeclaredConstructor(types);
        return c.newInstance(values);
    }

    private static Answer withIdUnchecked(Answer a, String id) {
        try {
            return withId(a, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitIdle(QueryLogWriter writer) throws InterruptedException {
        while (!writer.idle()) {
            Thread.sleep(50);
        }
    }

    private static long count(JdbcOperations jdbc) {
        return jdbc.execute(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

package vn.hoidap.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoidap.system.DatabaseBootstrap;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU of reading one message ({@link Understander#read}): every question of corpus/eval/*.jsonl (conversation
 * turns included) read in a loop on one thread, CPU time from {@link ThreadMXBean} (not wall time, so it
 * depends little on what else loads the machine). Not a test: surefire skips *Benchmark. Run:
 *
 * <pre>
 * mvn -o -q test-compile &amp;&amp; java -cp "target/test-classes:target/classes:$(mvn -o -q \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" vn.hoidap.assistant.ReadingBenchmark [rounds]
 * </pre>
 */
public final class ReadingBenchmark {

    private ReadingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> questions = questions(Path.of("corpus/eval"));
        // the context's query log wants a database: a throwaway embedded one, as the test suite starts
        Path dir = Files.createTempDirectory("hoidap-bench-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            DatabaseBootstrap.embeddedProperties(pg).forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
            System.setProperty("hoidap.data-dir", Files.createTempDirectory("hoidap-bench").toString());
            run(rounds, questions);
        }
    }

    private static void run(int rounds, List<String> questions) {
        try (ApplicationContext ctx = ApplicationContext.builder().environments("test").start()) {
            Understander understander = ctx.getBean(Understander.class);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            // warm-up: JIT, and the per-generation structures built on first use
            for (int i = 0; i < 5; i++) {
                questions.forEach(understander::read);
            }
            long sink = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                for (String q : questions) {
                    sink += understander.read(q).subjectWords();
                }
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long reads = (long) rounds * questions.size();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("read: %d messages x %d rounds, CPU %.1f µs per message (load average %.2f, sink %d)%n",
                    questions.size(), rounds, cpu / 1000.0 / reads, load, sink);
        }
    }

    static List<String> questions(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jsonl")) {
            for (Path f : files) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    if (n.hasNonNull("q")) {
                        out.add(n.get("q").asText());
                    }
                    if (n.has("turns")) {
                        for (JsonNode t : n.get("turns")) {
                            out.add(t.isTextual() ? t.asText() : t.path("q").asText());
                        }
                    }
                }
            }
        }
        return out;
    }
}

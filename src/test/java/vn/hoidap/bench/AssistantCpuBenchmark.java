package vn.hoidap.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.system.DatabaseBootstrap;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * CPU per answer of the assistant itself, in process (no HTTP, no JSON): every question of
 * {@code corpus/eval/*.jsonl} (conversations as one session) through the {@link Assistant} bean, one thread,
 * the thread's CPU time per question from {@link ThreadMXBean}. A figure that depends little on the machine's
 * load (CPU time, not wall time), to compare builds of the chat path; {@code ChatLoadBenchmark} measures the
 * whole service over HTTP.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.bench.AssistantCpuBenchmark [rounds]</pre>
 * {@code -Dbench.set=dev2} measures one set only; a JFR recording around the run ({@code -XX:StartFlightRecording})
 * then holds answering only.
 */
public final class AssistantCpuBenchmark {

    private AssistantCpuBenchmark() {
    }

    /** One conversation: its set and its turns (a single question is a conversation of one turn). */
    private record Conversation(String set, List<String> turns) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
            props.put("hoidap.querylog.spill-dir", Files.createTempDirectory("cpu-bench-spill").toString());
            props.put("hoidap.console.admin-password", "bench");
            props.put("hoidap.rate-limit.enabled", false);
            try (ApplicationContext ctx = ApplicationContext.run(props)) {
                List<Conversation> all = conversations(ctx.getBean(JsonMapper.class), System.getProperty("bench.set"));
                Assistant assistant = ctx.getBean(Assistant.class);
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                int questions = all.stream().mapToInt(c -> c.turns().size()).sum();
                System.out.printf("%,d conversations, %,d questions%n", all.size(), questions);
                for (int warm = 0; warm < 3; warm++) {
                    runAll(assistant, all, cpu, null);
                }
                Map<String, long[]> bySet = new java.util.TreeMap<>();
                List<Long> perQuestion = new ArrayList<>();
                long wall = System.nanoTime();
                long process = processCpu();
                for (int r = 0; r < rounds; r++) {
                    runAll(assistant, all, cpu, (c, nanos) -> {
                        bySet.computeIfAbsent(c.set(), k -> new long[2])[0] += nanos;
                        bySet.get(c.set())[1] += c.turns().size();
                        perQuestion.add(nanos / c.turns().size());
                    });
                }
                long processUsed = processCpu() - process;
                double wallSeconds = (System.nanoTime() - wall) / 1e9;
                long total = bySet.values().stream().mapToLong(v -> v[0]).sum();
                long count = bySet.values().stream().mapToLong(v -> v[1]).sum();
                perQuestion.sort(null);
                System.out.printf("answering thread CPU per question: mean %.0f µs, median %.0f µs, p90 %.0f µs, p99 %.0f µs%n",
                        total / 1e3 / count, perQuestion.get(perQuestion.size() / 2) / 1e3,
                        perQuestion.get((int) (perQuestion.size() * 0.9)) / 1e3,
                        perQuestion.get((int) (perQuestion.size() * 0.99)) / 1e3);
                System.out.printf("whole process CPU per question (query log writer, GC, JIT included): %.0f µs; %.1f s wall%n",
                        processUsed / 1e3 / count, wallSeconds);
                bySet.forEach((set, v) -> System.out.printf("  %-24s %5d questions  %6.0f µs%n", set, v[1] / rounds, v[0] / 1e3 / v[1]));
                System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }

    private interface Measured {
        void add(Conversation c, long nanos);
    }

    private static void runAll(Assistant assistant, List<Conversation> all, ThreadMXBean cpu, Measured measured) {
        for (Conversation c : all) {
            String session = "bench-" + UUID.randomUUID();
            long t = cpu.getCurrentThreadCpuTime();
            boolean first = true;
            for (String turn : c.turns()) {
                assistant.answer(first ? new Question(turn, session, "web", null, true) : new Question(turn, session, "web"));
                first = false;
            }
            if (measured != null) {
                measured.add(c, cpu.getCurrentThreadCpuTime() - t);
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @SuppressWarnings("unchecked")
    private static List<Conversation> conversations(JsonMapper json, String only) throws Exception {
        List<Conversation> all = new ArrayList<>();
        List<Path> sets;
        try (Stream<Path> files = Files.list(Path.of("corpus", "eval"))) {
            sets = files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path set : sets) {
            String name = set.getFileName().toString().replace(".jsonl", "");
            if (only != null && !only.equals(name)) {
                continue;
            }
            for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> item = json.readValue(line, Map.class);
                List<String> turns = item.get("turns") instanceof List<?> t ? (List<String>) t : List.of((String) item.get("q"));
                all.add(new Conversation(name, turns));
            }
        }
        return all;
    }
}

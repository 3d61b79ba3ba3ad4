package vn.hoidap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark for a running service: 32 concurrent connections for a fixed time against
 * {@code POST /api/chat} (rotating through realistic questions), then the same against {@code GET /api/agencies}
 * as the baseline (a JSON endpoint with no logic), then one client alone against {@code /api/chat}; reports
 * throughput, p50/p99 latency and the chat : agencies throughput ratio. Loopback only; bounded in time.
 *
 * <p>
 * On a shared machine throughput and latency follow whatever else runs; given the server's process id (third
 * argument, Linux) it also reports the CPU time the server spent per request, read from {@code /proc/<pid>/stat}
 * around each run — a figure that depends little on the machine's load, and the one to compare between builds.
 *
 * <pre>mvn -q -o test-compile &amp;&amp; java -cp target/test-classes vn.hoidap.bench.ChatLoadBenchmark http://127.0.0.1:8080 20 [server-pid]</pre>
 * With {@code -Dbench.chat-only=true} it stops after the {@code /api/chat} run: a JFR recording taken around it
 * then holds chat requests only. With {@code -Dbench.turns=N} each connection keeps a session for N questions,
 * so the dialogue state is read and written as in a conversation (default: every question a new session).
 */
public final class ChatLoadBenchmark {

    private static final int CONNECTIONS = 32;
    /** USER_HZ: the unit of /proc/pid/stat times; 100 on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS = 100;

    /** {@code cpuMillis}: CPU the server process spent during the run (user + system), -1 when not measured. */
    private record Result(String name, int requests, int errors, double seconds, List<Long> micros, long cpuMillis) {
        String line() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            String cpu = cpuMillis < 0 || requests == 0 ? "" : String.format("  server CPU %6.2f ms/req", (double) cpuMillis / requests);
            return String.format("%-12s %7d req  %5d err  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms%s",
                    name, requests, errors, requests / seconds, pct(sorted, 0.50) / 1000.0, pct(sorted, 0.99) / 1000.0, cpu);
        }
    }

    private ChatLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long pid = args.length > 2 ? Long.parseLong(args[2]) : -1;
        URI host = URI.create(base);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(host.getHost())) {
            throw new IllegalArgumentException("Load tests target this machine only (loopback), not " + host.getHost());
        }
        List<String> questions = questions();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
        AtomicInteger next = new AtomicInteger();
        // Warm-up so the JIT and the connection pool do not count against either endpoint.
        run("warm-up", client, 5, CONNECTIONS, pid, () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        Result chat = run("/api/chat", client, seconds, CONNECTIONS, pid,
                () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        if (Boolean.getBoolean("bench.chat-only")) {
            // for a profile of /api/chat alone (a JFR recording around this run): no other endpoint in it
            System.out.println(chat.line());
            System.out.println("load average: " + loadAverage());
            System.exit(0);
        }
        Result agencies = run("/api/agencies", client, seconds, CONNECTIONS, pid,
                () -> HttpRequest.newBuilder(URI.create(base + "/api/agencies")).timeout(Duration.ofSeconds(10)).GET().build());
        // One client, one request at a time: the latency a person waits for when the service is not loaded.
        Result single = run("chat x1", client, Math.max(5, seconds / 2), 1, pid,
                () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        System.out.println("connections: " + CONNECTIONS + ", duration per endpoint: " + seconds + " s, cores: "
                + Runtime.getRuntime().availableProcessors());
        System.out.println(chat.line());
        System.out.println(agencies.line());
        System.out.println(single.line());
        System.out.printf("throughput ratio /api/chat : /api/agencies = %.3f%n",
                (chat.requests() / chat.seconds()) / (agencies.requests() / agencies.seconds()));
        if (chat.cpuMillis() > 0 && agencies.cpuMillis() > 0) {
            System.out.printf("server CPU per request ratio /api/agencies : /api/chat = %.3f%n",
                    ((double) agencies.cpuMillis() / agencies.requests()) / ((double) chat.cpuMillis() / chat.requests()));
        }
        System.out.println("load average: " + loadAverage());
        System.exit(0);
    }

    /** {@code -Dbench.turns=N}: each connection asks N questions in one session (its state read and written), then starts another. */
    private static final int TURNS = Integer.getInteger("bench.turns", 0);
    private static final ThreadLocal<int[]> TURN = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<String[]> SESSION = ThreadLocal.withInitial(() -> new String[1]);

    private static HttpRequest chat(String base, String q) {
        String session = "";
        if (TURNS > 0) {
            if (TURN.get()[0]++ % TURNS == 0) {
                SESSION.get()[0] = java.util.UUID.randomUUID().toString();
            }
            session = ",\"sessionId\":\"" + SESSION.get()[0] + "\"";
        }
        String body = "{\"message\":\"" + q.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"channel\":\"bench\"" + session + "}";
        return HttpRequest.newBuilder(URI.create(base + "/api/chat")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static Result run(String name, HttpClient client, int seconds, int connections, long pid,
                              java.util.function.Supplier<HttpRequest> requests) throws InterruptedException {
        long cpuBefore = cpuMillis(pid);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(requests.get(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        micros.add((System.nanoTime() - t) / 1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = cpuMillis(pid);
        return new Result(name, micros.size(), errors.get(), elapsed, micros,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
    }

    /** User + system CPU of process {@code pid} in ms (fields 14 and 15 of /proc/pid/stat, in clock ticks). */
    private static long cpuMillis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static List<String> questions() throws IOException {
        try (InputStream in = ChatLoadBenchmark.class.getResourceAsStream("/bench/questions.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}

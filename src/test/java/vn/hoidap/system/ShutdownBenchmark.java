package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted check of the graceful shutdown (not a test; surefire skips *Benchmark): the real service
 * ({@code vn.hoidap.Application}) runs in a child JVM on a PostgreSQL of the benchmark's own; 16 clients ask
 * questions without pause; SIGTERM is sent mid-load. Prints the time from SIGTERM to the end of the process,
 * what happened to the requests in flight at that moment (answered or failed), what new requests got, and
 * whether every answered question reached query_log (the writer's queue drained before exit). Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.system.ShutdownBenchmark [clients] [seconds before SIGTERM]
 * </pre>
 */
public final class ShutdownBenchmark {

    private ShutdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("shutdown-bench");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port, "-Dmicronaut.server.host=127.0.0.1",
                // One address, many clients: the per-address limit would answer 429 instead of measuring.
                "-Dhoidap.rate-limit.enabled=false", "vn.hoidap.Application"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("DATASOURCES_DEFAULT_URL", pg.getJdbcUrl("postgres", "postgres"));
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("HOIDAP_ADMIN_PASSWORD", "shutdown-bench");
        env.put("HOIDAP_DATA_DIR", dir.resolve("data").toString());
        Process service = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        while (!ready(http, base)) {
            if (!service.isAlive() || System.nanoTime() - t0 > 300e9) {
                throw new IllegalStateException("the service did not start; see " + dir.resolve("service.log"));
            }
            Thread.sleep(250);
        }
        System.out.printf("service ready after %.1f s on port %d%n", (System.nanoTime() - t0) / 1e9, port);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger inFlightAtTermAnswered = new AtomicInteger();
        AtomicInteger inFlightAtTermFailed = new AtomicInteger();
        AtomicInteger afterTermAnswered = new AtomicInteger();
        Map<String, AtomicInteger> afterTermOutcomes = new ConcurrentHashMap<>();
        long[] termAt = {Long.MAX_VALUE};
        List<String> questions = Files.readAllLines(Path.of("src/test/resources/bench/questions.txt"), StandardCharsets.UTF_8)
                .stream().filter(q -> !q.isBlank()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    String q = questions.get((client * 31 + i++) % questions.size()).replace("\"", "'");
                    long started = System.nanoTime();
                    boolean ok;
                    String outcome;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + q + "\",\"sessionId\":\"shutdown-"
                                                + client + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                        ok = r.statusCode() == 200;
                        outcome = String.valueOf(r.statusCode());
                    } catch (IOException e) {
                        ok = false;
                        outcome = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long ended = System.nanoTime();
                    if (ok) {
                        answered.incrementAndGet();
                    }
                    if (started < termAt[0] && ended >= termAt[0]) {
                        (ok ? inFlightAtTermAnswered : inFlightAtTermFailed).incrementAndGet();
                    } else if (started >= termAt[0]) {
                        afterTermOutcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        if (ok) {
                            afterTermAnswered.incrementAndGet();
                        }
                        try {
                            Thread.sleep(20); // refused connections return at once: do not spin
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
        }
        Thread.sleep(loadSeconds * 1000L);
        int answeredBefore = answered.get();
        termAt[0] = System.nanoTime();
        service.destroy(); // SIGTERM, as Kubernetes sends it
        boolean exited = service.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        long exitNanos = System.nanoTime() - termAt[0];
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(90, java.util.concurrent.TimeUnit.SECONDS);
        long logged;
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
            rs.next();
            logged = rs.getLong(1);
        }
        // The writer's spill directory ($HOIDAP_DATA_DIR/querylog-spill) exists only if something was spilled.
        long spillFiles = 0;
        Path spill = dir.resolve("data").resolve("querylog-spill");
        if (Files.isDirectory(spill)) {
            try (var files = Files.list(spill)) {
                spillFiles = files.filter(p -> p.toString().endsWith(".jsonl")).count();
            }
        }
        System.out.printf("answered before SIGTERM: %d; in flight at SIGTERM: %d answered, %d failed; after SIGTERM: %s%n",
                answeredBefore, inFlightAtTermAnswered.get(), inFlightAtTermFailed.get(), afterTermOutcomes);
        System.out.printf("SIGTERM to exit: %.2f s (exited: %s, code %s); answered in all %d, rows in query_log %d, spill files left %d%n",
                exitNanos / 1e9, exited, exited ? service.exitValue() : "-", answered.get(), logged, spillFiles);
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        if (!exited) {
            service.destroyForcibly();
        }
        pg.close();
    }

    private static boolean ready(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

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
 * <pre>mvn -q -o test-compile &amp;&amp; java -cp target/test-classes vn.hoidap.bench.ChatLoadBenchmark http://127.0.0.1:8080 20</pre>
 */
public final class ChatLoadBenchmark {

    private static final int CONNECTIONS = 32;

    private record Result(String name, int requests, int errors, double seconds, List<Long> micros) {
        String line() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return String.format("%-12s %7d req  %5d err  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms",
                    name, requests, errors, requests / seconds, pct(sorted, 0.50) / 1000.0, pct(sorted, 0.99) / 1000.0);
        }
    }

    private ChatLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        URI host = URI.create(base);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(host.getHost())) {
            throw new IllegalArgumentException("Load tests target this machine only (loopback), not " + host.getHost());
        }
        List<String> questions = questions();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
        AtomicInteger next = new AtomicInteger();
        // Warm-up so the JIT and the connection pool do not count against either endpoint.
        run("warm-up", client, 5, () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        Result chat = run("/api/chat", client, seconds,
                () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        Result agencies = run("/api/agencies", client, seconds,
                () -> HttpRequest.newBuilder(URI.create(base + "/api/agencies")).timeout(Duration.ofSeconds(10)).GET().build());
        // One client, one request at a time: the latency a person waits for when the service is not loaded.
        Result single = run("chat x1", client, Math.max(5, seconds / 2), 1,
                () -> chat(base, questions.get(next.getAndIncrement() % questions.size())));
        System.out.println("connections: " + CONNECTIONS + ", duration per endpoint: " + seconds + " s, cores: "
                + Runtime.getRuntime().availableProcessors());
        System.out.println(chat.line());
        System.out.println(agencies.line());
        System.out.println(single.line());
        System.out.printf("throughput ratio /api/chat : /api/agencies = %.3f%n",
                (chat.requests() / chat.seconds()) / (agencies.requests() / agencies.seconds()));
        System.exit(0);
    }

    private static HttpRequest chat(String base, String q) {
        String body = "{\"message\":\"" + q.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"channel\":\"bench\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/chat")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static Result run(String name, HttpClient client, int seconds,
                              java.util.function.Supplier<HttpRequest> requests) throws InterruptedException {
        return run(name, client, seconds, CONNECTIONS, requests);
    }

    private static Result run(String name, HttpClient client, int seconds, int connections,
                              java.util.function.Supplier<HttpRequest> requests) throws InterruptedException {
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
        return new Result(name, micros.size(), errors.get(), elapsed, micros);
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

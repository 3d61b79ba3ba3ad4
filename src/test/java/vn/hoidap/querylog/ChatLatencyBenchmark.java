package vn.hoidap.querylog;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoidap.system.DatabaseBootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /api/chat} latency with the query log on and off (not a test; surefire skips *Benchmark).
 * Runs off, on, off, on against one embedded PostgreSQL, each round 500 warm-up and 3,000 measured
 * sequential requests over loopback, and prints median, p90 and p99 in microseconds. Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.querylog.ChatLatencyBenchmark
 * </pre>
 */
public final class ChatLatencyBenchmark {

    private ChatLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("chat-latency");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            for (boolean logging : new boolean[] {false, true, false, true}) {
                Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
                props.put("hoidap.querylog.enabled", logging);
                props.put("hoidap.querylog.spill-dir", dir.resolve("spill").toString());
                props.put("micronaut.server.port", -1);
                try (ApplicationContext ctx = ApplicationContext.run(props);
                     EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start()) {
                    long[] micros = run(server.getURI());
                    Arrays.sort(micros);
                    System.out.printf("logging %-3s  median %5d µs  p90 %5d µs  p99 %5d µs  (n=%d)%n", logging ? "on" : "off",
                            micros[micros.length / 2], micros[micros.length * 9 / 10], micros[micros.length * 99 / 100],
                            micros.length);
                }
            }
        }
    }

    private static long[] run(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long[] micros = new long[3000];
        for (int i = -500; i < micros.length; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/chat"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Tôi tên là An, số 0912345678, làm VNeID ở đâu? "
                            + i + "\",\"sessionId\":\"bench-" + (i % 50) + "\"}"))
                    .build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            if (i >= 0) {
                micros[i] = (System.nanoTime() - t) / 1000;
            }
        }
        return micros;
    }
}

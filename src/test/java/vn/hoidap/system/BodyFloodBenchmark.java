package vn.hoidap.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.netty.buffer.PooledByteBufAllocator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scripted check of issue 16's memory attack (not a test; surefire skips *Benchmark): 900 connections
 * each start a {@code POST /api/chat} with a 1 MB body and stop sending, then 900 more with a 200 KB body
 * (under the size limit) sent half-way. Prints how many got 413 at once, direct and pooled Netty memory,
 * process RSS before and after, and whether a normal question is still answered meanwhile. Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.system.BodyFloodBenchmark [connections]
 * </pre>
 */
public final class BodyFloodBenchmark {

    private BodyFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 900;
        Path dir = Files.createTempDirectory("flood-bench");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        Map<String, Object> props = new HashMap<>(DatabaseBootstrap.embeddedProperties(pg));
        props.put("hoidap.querylog.spill-dir", dir.resolve("spill").toString());
        props.put("hoidap.console.admin-password", "bench");
        props.put("micronaut.server.port", -1);
        props.put("hoidap.rate-limit.enabled", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            System.out.printf("before: %s%n", memory());
            for (int[] phase : new int[][] {{1_048_576, 4096}, {200_000, 100_000}}) {
                List<Socket> sockets = new ArrayList<>();
                int refused = 0;
                int open = 0;
                for (int i = 0; i < connections; i++) {
                    Socket s = new Socket("127.0.0.1", server.getPort());
                    s.setSoTimeout(1);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + phase[0] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    try {
                        out.write(new byte[phase[1]]);
                        out.flush();
                    } catch (java.io.IOException closed) {
                        // refused and closed before the body was taken
                    }
                    sockets.add(s);
                }
                Thread.sleep(2_000);
                for (Socket s : sockets) {
                    s.setSoTimeout(50);
                    try {
                        InputStream in = s.getInputStream();
                        byte[] head = new byte[12];
                        int n = in.read(head);
                        if (n > 0 && new String(head, 0, n, StandardCharsets.US_ASCII).contains(" 413")) {
                            refused++;
                        }
                    } catch (SocketTimeoutException e) {
                        open++;
                    } catch (java.io.IOException e) {
                        refused++; // reset after the 413
                    }
                }
                long t = System.nanoTime();
                HttpResponse<String> chat = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.getPort() + "/api/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf("%d connections x %,d-byte body, %,d bytes sent: %d refused with 413, %d still open; "
                                + "a question meanwhile: %d in %d ms; %s%n", connections, phase[0], phase[1], refused, open,
                        chat.statusCode(), (System.nanoTime() - t) / 1_000_000, memory());
                for (Socket s : sockets) {
                    s.close();
                }
            }
            Thread.sleep(1_000);
            System.out.printf("after: %s; load %.1f%n", memory(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            pg.close();
        }
    }

    private static String memory() throws Exception {
        long direct = 0;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(b.getName())) {
                direct = b.getMemoryUsed();
            }
        }
        long nettyDirect = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        return String.format("direct %.1f MB, netty pooled direct %.1f MB, heap used %.0f MB, %s", direct / 1e6,
                nettyDirect / 1e6, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6, rss);
    }
}

package vn.hoidap.upload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishing under a chat load, against a running service: {@code connections} clients ask /api/chat without
 * pause while an admin uploads a plan as text and publishes it through the job API ({@code Prefer:
 * respond-async}, then polling); then it withdraws the plan. Reports how many chat requests were sent during the
 * publish, by HTTP status, and how many failed (no answer, an error status or an I/O error) — the figure is "no
 * request lost". Loopback only.
 *
 * <pre>java -cp target/test-classes vn.hoidap.upload.PublishUnderLoadBenchmark http://127.0.0.1:18431 plan.txt admin-password [connections]</pre>
 */
public final class PublishUnderLoadBenchmark {

    private static final List<String> QUESTIONS = List.of(
            "Thanh Hóa giao Sở nào chủ trì tuyên truyền chuyển đổi số?",
            "Ở Bình Định, đơn vị nào chủ trì xây dựng chiến dịch truyền thông về chuyển đổi số?",
            "Kế hoạch chuyển đổi số của Đồng Nai có những nhiệm vụ gì?",
            "Đồng Tháp đặt chỉ tiêu kinh tế số đến năm 2030 là bao nhiêu?",
            "Hà Nội giao ai chủ trì phát triển kinh tế số?",
            "Chuyển đổi số là gì?");

    private PublishUnderLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        byte[] plan = Files.readAllBytes(Path.of(args[1]));
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[2]).getBytes(StandardCharsets.UTF_8));
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        if (!List.of("127.0.0.1", "localhost").contains(URI.create(base).getHost())) {
            throw new IllegalArgumentException("loopback only");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String id = "tai-thu-" + UUID.randomUUID().toString().substring(0, 8);

        String boundary = "----hoidap" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + id + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + id + ".txt\"\r\nContent-Type: text/plain\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), plan, tail);
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/plans"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("upload: " + up.statusCode() + " " + up.body().substring(0, Math.min(200, up.body().length())));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String q = QUESTIONS.get(sent.getAndIncrement() % QUESTIONS.size());
                    String json = "{\"message\":\"" + q + "\",\"channel\":\"bench\"}";
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() != 200 || !r.body().contains("\"answer\"")) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            load.add(t);
        }
        long start = System.nanoTime();
        HttpResponse<String> job = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/plans/" + id + "/publish"))
                .header("Authorization", auth).header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("publish: " + job.statusCode() + " " + job.body());
        String state = job.body();
        while (state.contains("\"status\":\"running\"")) {
            Thread.sleep(1000);
            state = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/plans/" + id + "/publish"))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : load) {
            t.join();
        }
        String outcome = state.replaceAll("(?s).*?\"status\":\"(\\w+)\".*", "$1");
        client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/plans/" + id)).header("Authorization", auth)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("publish %s in %.0f s with %d chat clients: %d chat requests sent, %d failed, by status %s%n",
                outcome, seconds, connections, sent.get(), failed.get(), new TreeMap<>(statuses));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

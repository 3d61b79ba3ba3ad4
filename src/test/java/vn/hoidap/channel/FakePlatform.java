package vn.hoidap.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The plumbing of a platform fake on loopback (Zalo OA API, Graph API): records every request with its path,
 * query, headers and body, answers what the subclass decides, and lets tests wait for a matching request.
 */
public abstract class FakePlatform implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. Header names are lower case. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body,
                       JsonNode json) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer. */
    public record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fake-platform");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new ArrayList<>();

    protected FakePlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Decides the reply to a request (already recorded). */
    protected abstract Reply answer(Call call) throws Exception;

    public synchronized List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    public Call await(String path, Predicate<Call> test, Duration timeout) {
        return awaitCount(path, test, 1, timeout).get(0);
    }

    public List<Call> awaitCount(String path, Predicate<Call> test, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Call> matching = List.of();
        while (System.nanoTime() < end) {
            matching = calls(path).stream().filter(test).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(20);
        }
        throw new AssertionError("Expected " + count + " calls to " + path + ", got " + matching.size() + ": "
                + calls(path).stream().map(Call::body).toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = null;
            try {
                json = body.strip().startsWith("{") ? JSON.readTree(body) : null;
            } catch (IOException ignored) {
                // recorded raw; the subclass refuses it
            }
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, json);
            synchronized (this) {
                calls.add(call);
            }
            Reply reply;
            try {
                reply = answer(call);
            } catch (Exception e) {
                reply = new Reply(500, "{\"error\":\"fake failed: " + e + "\"}");
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

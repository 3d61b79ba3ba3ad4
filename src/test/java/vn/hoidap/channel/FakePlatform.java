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
 * The plumbing of a platform fake on loopback (Zalo OA API, Graph API, Telegram Bot API): records every request
 * with its path, query, headers and body, answers what the subclass decides, and lets tests wait for a
 * matching request. Requests are looked up by a key: the path, or what a subclass makes of it
 * ({@link #matches}: the Bot API's method name).
 */
public abstract class FakePlatform implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. Header names are lower case. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body,
                       JsonNode json) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The {@code text} field of a JSON body, or null. */
        public String text() {
            return json == null || json.get("text") == null ? null : json.get("text").asText();
        }

        /** The {@code chat_id} field of a JSON body (Telegram's recipient). */
        public long chatId() {
            return json.get("chat_id").asLong();
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

    /** Whether a call is one of those a test names by {@code key}; by default the key is the path. */
    protected boolean matches(Call call, String key) {
        return call.path().equals(key);
    }

    public synchronized List<Call> calls(String key) {
        return calls.stream().filter(c -> matches(c, key)).toList();
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    public Call await(String key, Predicate<Call> test, Duration timeout) {
        return awaitCount(key, test, 1, timeout).get(0);
    }

    public List<Call> awaitCount(String key, Predicate<Call> test, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Call> matching = List.of();
        while (System.nanoTime() < end) {
            matching = calls(key).stream().filter(test).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(20);
        }
        throw new AssertionError("Expected " + count + " calls to " + key + ", got " + matching.size() + ": "
                + calls(key).stream().map(Call::body).toList());
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

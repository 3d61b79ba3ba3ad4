package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server on loopback for tests: {@code /bot{token}/{method}}, method names matched case-insensitively
 * as the library varies them, replies in Telegram's shapes ({@code {"ok":true,"result":…}}, errors with
 * {@code error_code}, {@code description} and {@code parameters.retry_after}). Queued updates are served by
 * getUpdates, which otherwise long-polls briefly and returns an empty list. Every call is recorded.
 */
final class FakeBotApi implements AutoCloseable {

    static final String BOT_USERNAME = "hoidap_test_bot";
    static final long BOT_ID = 999_000_111L;

    /** One recorded request: the method (lower case), the raw body and, when it was JSON, its tree. */
    record Call(String method, String body, JsonNode json) {
        String text() {
            return json == null || json.get("text") == null ? null : json.get("text").asText();
        }

        long chatId() {
            return json.get("chat_id").asLong();
        }
    }

    private record Canned(int status, String body) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Canned>> failures = new HashMap<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(100);
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);

    FakeBotApi(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int nextUpdateId() {
        return nextUpdateId.getAndIncrement();
    }

    /** Queue an update (JSON of one Update) for the next getUpdates. */
    synchronized void push(String updateJson) {
        try {
            pending.add(new Pending(mapper.readTree(updateJson).path("update_id").asLong(), updateJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notifyAll();
    }

    /** The next call(s) to {@code method} answer with this status and body instead. */
    synchronized void failNext(String method, int status, String body) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(new Canned(status, body));
    }

    synchronized List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(m)).toList();
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    /** Waits until a call to {@code method} matching {@code test} was recorded; fails the test after the timeout. */
    Call await(String method, Predicate<Call> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Call c : calls(method)) {
                if (test.test(c)) {
                    return c;
                }
            }
            sleep(20);
        }
        throw new AssertionError("No " + method + " call matched within " + timeout + "; calls: " + snapshot());
    }

    /** Waits until {@code count} calls to {@code method} matching {@code test} were recorded. */
    List<Call> awaitCount(String method, Predicate<Call> test, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Call> matching = List.of();
        while (System.nanoTime() < end) {
            matching = calls(method).stream().filter(test).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(20);
        }
        throw new AssertionError("Expected " + count + " " + method + " calls, got " + matching.size() + ": " + snapshot());
    }

    private synchronized String snapshot() {
        return calls.stream().map(c -> c.method() + " " + c.body()).toList().toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = null;
            try {
                json = body.isBlank() || !body.strip().startsWith("{") ? null : mapper.readTree(body);
            } catch (IOException ignored) {
                // multipart (setWebhook): recorded raw
            }
            Canned canned;
            synchronized (this) {
                calls.add(new Call(method, body, json));
                Deque<Canned> queue = failures.get(method);
                canned = queue == null ? null : queue.poll();
            }
            if (canned != null) {
                respond(exchange, canned.status(), canned.body());
                return;
            }
            switch (method) {
                case "getupdates" -> respond(exchange, 200, ok(getUpdates(json == null ? 0 : json.path("offset").asLong(0))));
                case "deletewebhook", "setwebhook", "answercallbackquery" -> respond(exchange, 200, ok("true"));
                case "getme" -> respond(exchange, 200, ok("{\"id\":" + BOT_ID + ",\"is_bot\":true,"
                        + "\"first_name\":\"Hỏi đáp\",\"username\":\"" + BOT_USERNAME + "\"}"));
                case "sendmessage" -> respond(exchange, 200, ok(sentMessage(json)));
                default -> respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    /**
     * As Telegram: every update with an id at or above {@code offset}; those below it are confirmed and
     * forgotten. An update whose response was lost (a poll cancelled on shutdown) is served again to the next
     * poller. Long-polls briefly when there is none.
     */
    private String getUpdates(long offset) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (true) {
            List<String> batch = new ArrayList<>();
            synchronized (this) {
                pending.removeIf(u -> u.id() < offset);
                pending.forEach(u -> batch.add(u.json()));
                if (!batch.isEmpty() || System.nanoTime() > end) {
                    return "[" + String.join(",", batch) + "]";
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "[]";
                }
            }
        }
    }

    private record Pending(long id, String json) {
    }

    private String sentMessage(JsonNode request) {
        ObjectNode m = mapper.createObjectNode();
        m.put("message_id", nextMessageId.getAndIncrement());
        m.put("date", System.currentTimeMillis() / 1000);
        ObjectNode chat = m.putObject("chat");
        chat.put("id", request == null || request.get("chat_id") == null ? 0 : request.get("chat_id").asLong());
        chat.put("type", "private");
        ObjectNode from = m.putObject("from");
        from.put("id", BOT_ID);
        from.put("is_bot", true);
        from.put("first_name", "Hỏi đáp");
        m.put("text", request == null || request.get("text") == null ? "" : request.get("text").asText());
        return m.toString();
    }

    private static String ok(String result) {
        return "{\"ok\":true,\"result\":" + result + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
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

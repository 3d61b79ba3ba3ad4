package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.hoidap.channel.FakePlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot API server on loopback for tests: {@code /bot{token}/{method}}, method names matched case-insensitively
 * as the library varies them (tests name calls by method: {@code calls("sendMessage")}), replies in Telegram's
 * shapes ({@code {"ok":true,"result":…}}, errors with {@code error_code}, {@code description} and
 * {@code parameters.retry_after}). Queued updates are served by getUpdates, which otherwise long-polls briefly
 * and returns an empty list. Every call is recorded ({@link FakePlatform}).
 */
final class FakeBotApi extends FakePlatform {

    static final String BOT_USERNAME = "hoidap_test_bot";
    static final long BOT_ID = 999_000_111L;

    private final String prefix;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Deque<Reply>> failures = new HashMap<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(100);
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);

    FakeBotApi(String token) {
        this.prefix = "/bot" + token + "/";
    }

    int nextUpdateId() {
        return nextUpdateId.getAndIncrement();
    }

    /** Queue an update (JSON of one Update) for the next getUpdates. */
    synchronized void push(String updateJson) {
        try {
            pending.add(new Pending(JSON.readTree(updateJson).path("update_id").asLong(), updateJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notifyAll();
    }

    /** The next call(s) to {@code method} answer with this status and body instead. */
    synchronized void failNext(String method, int status, String body) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(new Reply(status, body));
    }

    @Override
    protected boolean matches(Call call, String method) {
        return method.equalsIgnoreCase(method(call));
    }

    /** The Bot API method of a call, lower case; null for a path outside this bot's token. */
    private String method(Call call) {
        return call.path().startsWith(prefix) ? call.path().substring(prefix.length()).toLowerCase(Locale.ROOT) : null;
    }

    @Override
    protected Reply answer(Call call) {
        String method = method(call);
        if (method == null) {
            return new Reply(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
        Reply canned;
        synchronized (this) {
            Deque<Reply> queue = failures.get(method);
            canned = queue == null ? null : queue.poll();
        }
        if (canned != null) {
            return canned;
        }
        JsonNode json = call.json();
        return switch (method) {
            case "getupdates" -> new Reply(200, ok(getUpdates(json == null ? 0 : json.path("offset").asLong(0))));
            case "deletewebhook", "setwebhook", "answercallbackquery" -> new Reply(200, ok("true"));
            case "getme" -> new Reply(200, ok("{\"id\":" + BOT_ID + ",\"is_bot\":true,"
                    + "\"first_name\":\"Hỏi đáp\",\"username\":\"" + BOT_USERNAME + "\"}"));
            case "sendmessage" -> new Reply(200, ok(sentMessage(json)));
            default -> new Reply(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
        };
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
        ObjectNode m = JSON.createObjectNode();
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
}

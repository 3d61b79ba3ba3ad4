package vn.hoidap.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * HTTP to a messaging platform's API (Zalo OA, Graph API): bounded connect and request timeouts, so a slow or
 * dead platform costs a worker seconds, never forever; its own daemon threads, stopped on {@link #close()}.
 * Responses are read whole but capped: a platform reply is small, and a huge one is an error, not data.
 */
public final class PlatformHttp implements AutoCloseable {

    static final int MAX_RESPONSE_BYTES = 1 << 20;

    /** A response: status and body as text. */
    public record Response(int status, String body) {
    }

    private final ExecutorService threads;
    private final HttpClient client;
    private final Duration timeout;

    public PlatformHttp(String name, Duration connectTimeout, Duration requestTimeout) {
        this.threads = new ThreadPoolExecutor(0, 16, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Workers.daemonThreads(name + "-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.client = HttpClient.newBuilder().executor(threads).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = requestTimeout;
    }

    public Response post(URI uri, Map<String, String> headers, String contentType, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = r.body() == null ? new byte[0] : r.body();
            int length = Math.min(bytes.length, MAX_RESPONSE_BYTES);
            return new Response(r.statusCode(), new String(bytes, 0, length, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

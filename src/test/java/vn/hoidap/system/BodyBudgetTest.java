package vn.hoidap.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: 900 connections each sending an unfinished 1 MB body exhausted Netty's direct buffers. A
 * declared size over the limit is refused before the body is read; unfinished bodies together get a
 * budget, beyond which they are refused with 413 while ordinary questions are still answered.
 */
@MicronautTest
@Property(name = "hoidap.body-limits.budget-bytes", value = "1000000")
@Property(name = "hoidap.body-limits.max-open-large-bodies", value = "8")
class BodyBudgetTest {

    @Inject
    EmbeddedServer server;

    @Inject
    BodyBudget budget;

    private Socket open(long contentLength, int bytesSent) throws Exception {
        Socket s = new Socket("127.0.0.1", server.getPort());
        s.setSoTimeout(5_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(("{\"message\":\"" + "a".repeat(Math.max(0, bytesSent - 12))).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** The status code the server sent, or -1 if it is still waiting for the body. */
    private static int status(Socket s) throws Exception {
        try {
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return line == null ? 0 : Integer.parseInt(line.split(" ")[1]);
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket s = open(10 * 1024 * 1024, 0)) {
            assertEquals(413, status(s));
        }
    }

    @Test
    void slowLargeBodiesBeyondTheBudgetAreRefusedWhileQuestionsAreAnswered() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 40; i++) {
                sockets.add(open(200_000, 1_000));
            }
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Socket s : sockets) {
                statuses.add(pool.submit(() -> status(s)));
            }
            // While the flood is held, an ordinary question is still answered.
            HttpResponse<String> chat = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getPort() + "/api/chat"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Xin chào\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, chat.statusCode(), chat.body());
            int refused = 0;
            int waiting = 0;
            for (Future<Integer> f : statuses) {
                int code = f.get();
                if (code == 413) {
                    refused++;
                } else if (code == -1) {
                    waiting++;
                }
            }
            // 1,000,000 bytes of budget hold at most five 200,000-byte bodies.
            assertTrue(waiting <= 5, "bodies admitted: " + waiting);
            assertEquals(40 - waiting, refused, "every other body refused with 413");
            assertTrue(budget.reservedBytes() <= 1_000_000, "reserved " + budget.reservedBytes());
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            pool.shutdownNow();
        }
        // Closed connections give their share back.
        for (int i = 0; i < 100 && budget.reservedBytes() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, budget.reservedBytes());
        assertEquals(0, budget.openBodies());
    }
}

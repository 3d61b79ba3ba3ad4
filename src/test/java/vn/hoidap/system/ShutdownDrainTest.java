package vn.hoidap.system;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain phase of a shutdown, in one context of its own (it never ends there): before it, a keep-alive
 * connection serves one request after another and readiness is UP; once draining, the same connection's
 * next request is still answered, says {@code Connection: close} and is the last on that connection,
 * readiness is DOWN (503) while liveness stays UP, and a new connection is still answered. The real
 * SIGTERM, with clients mid-request and between requests, is {@code ShutdownBenchmark}.
 */
@MicronautTest
class ShutdownDrainTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ShutdownDrain drain;

    @Test
    void drainingAnswersThenClosesEachConnectionAndTurnsReadinessDown() throws Exception {
        try (Socket keptAlive = new Socket("127.0.0.1", server.getPort())) {
            RawHttp.Response first = exchange(keptAlive, chat("Chuyển đổi số là gì?"));
            assertEquals(200, first.status(), first.head());
            assertFalse(first.closes(), first.head());
            assertEquals(200, exchange(keptAlive, get("/health/readiness")).status());

            drain.begin();

            // The connection opened before the drain: its next request is answered, and closes it.
            RawHttp.Response during = exchange(keptAlive, chat("Kế hoạch chuyển đổi số của tỉnh có mục tiêu gì?"));
            assertEquals(200, during.status(), during.head());
            assertTrue(during.body().contains("\"answer\""), during.body());
            assertTrue(during.closes(), during.head());
            assertEquals(-1, keptAlive.getInputStream().read(), "the server closed the connection after the response");
        }
        try (Socket fresh = new Socket("127.0.0.1", server.getPort())) {
            RawHttp.Response readiness = exchange(fresh, get("/health/readiness"));
            assertEquals(503, readiness.status(), readiness.head());
            assertTrue(readiness.closes(), readiness.head());
        }
        try (Socket fresh = new Socket("127.0.0.1", server.getPort())) {
            assertEquals(200, exchange(fresh, get("/health/liveness")).status(), "a draining pod is not restarted");
        }
    }

    private static String chat(String question) {
        return RawHttp.chat(question, null);
    }

    private static String get(String path) {
        return RawHttp.get(path);
    }

    private static RawHttp.Response exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(120_000);
        return RawHttp.exchange(socket, request);
    }
}

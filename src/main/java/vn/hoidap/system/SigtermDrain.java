package vn.hoidap.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes SIGTERM from the JVM so that the drain comes before the stop. By default SIGTERM starts the JVM's
 * shutdown hooks at once, and Micronaut's hook stops the server first: the listener closes and idle
 * keep-alive connections are cut before readiness could turn DOWN. Here SIGTERM starts {@link ShutdownDrain}
 * (readiness DOWN, {@code Connection: close} on every response, the listener still open) for
 * {@code hoidap.shutdown.drain}, then exits the JVM; the hooks then run Micronaut's graceful shutdown
 * (in-flight answers finish within {@code micronaut.lifecycle.graceful-shutdown.grace-period}) and close
 * the beans (the query log drains). A second SIGTERM exits at once (still through the hooks). SIGINT
 * (Ctrl-C) keeps the JVM's default. Not in tests: a test JVM keeps its own signal handling.
 */
@Context
@Requires(notEnv = Environment.TEST)
@Requires(property = "hoidap.shutdown.drain-on-sigterm", notEquals = "false")
class SigtermDrain implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SigtermDrain.class);
    /** What a process ended by SIGTERM exits with (128 + 15), as the JVM's own handler does. */
    static final int EXIT_SIGTERM = 143;

    private final ShutdownDrain drain;
    private final Duration period;
    private final AtomicBoolean terminating = new AtomicBoolean();

    SigtermDrain(ShutdownDrain drain, @Value("${hoidap.shutdown.drain:3s}") Duration period) {
        this.drain = drain;
        this.period = period;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            Signal.handle(new Signal("TERM"), signal -> onSigterm());
            LOG.info("SIGTERM drains for {} ms before the server stops", period.toMillis());
        } catch (IllegalArgumentException e) {
            // No SIGTERM on this platform (or the JVM reserves it): the default shutdown still runs.
            LOG.warn("SIGTERM handler not installed: {}", e.getMessage());
        }
    }

    private void onSigterm() {
        if (!terminating.compareAndSet(false, true)) {
            LOG.info("Second SIGTERM: stopping now");
            exitOnNewThread();
            return;
        }
        Thread t = new Thread(() -> {
            drain.begin();
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Shutdown: drain period over, stopping the server");
            System.exit(EXIT_SIGTERM);
        }, "shutdown-drain");
        t.start();
    }

    private static void exitOnNewThread() {
        new Thread(() -> System.exit(EXIT_SIGTERM), "shutdown-now").start();
    }
}

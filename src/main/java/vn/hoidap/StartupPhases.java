package vn.hoidap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * One log line per start-up phase ({@code vn.hoidap.startup}), with its duration, the thread it ran on and
 * when it ended counted from the JVM's start: read together they show which phases overlap and which one
 * the service waited for (the critical path to a healthy {@code /health}).
 */
public final class StartupPhases {

    private static final Logger LOG = LoggerFactory.getLogger("vn.hoidap.startup");

    private StartupPhases() {
    }

    /** Runs one phase and logs it. */
    public static <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        done(phase, start);
        return result;
    }

    /** Logs a phase that began at {@code startNanos} ({@link System#nanoTime()}) and ends now. */
    public static void done(String phase, long startNanos) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} in {} ms (thread {}, JVM up {} ms)", phase, (System.nanoTime() - startNanos) / 1_000_000,
                    Thread.currentThread().getName(), ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }
}

package vn.hoidap.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with back-off for calls to a messaging platform. The caller says, per failure, how long to
 * wait before the next try (the platform's own hint, or {@link #exponential}) or that retrying cannot help;
 * attempts are bounded so a dead API costs a few seconds per reply, never a stuck worker.
 */
public final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    /** Returned by a {@link Policy} when another attempt cannot help. */
    public static final long GIVE_UP = -1;

    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    public interface Policy<E extends Exception> {
        /** Milliseconds to wait before attempt {@code attempt + 1}, or {@link #GIVE_UP}. */
        long waitAfter(E failure, int attempt);
    }

    private Retry() {
    }

    /** {@code base}, doubling per attempt, at most {@code max}. */
    public static long exponential(int attempt, long baseMillis, long maxMillis) {
        return Math.min(maxMillis, baseMillis << Math.min(Math.max(attempt - 1, 0), 20));
    }

    public static <T, E extends Exception> T call(String what, int attempts, Class<E> failures, Attempt<T, E> attempt,
                                                  Policy<E> policy) throws E {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (!failures.isInstance(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                E failure = failures.cast(e);
                long wait = policy.waitAfter(failure, n);
                if (wait < 0 || n >= attempts || Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                LOG.info("{} failed ({}); attempt {} of {} in {} ms", what, e.getMessage(), n + 1, attempts, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}

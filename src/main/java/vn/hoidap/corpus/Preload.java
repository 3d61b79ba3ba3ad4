package vn.hoidap.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work started on its own thread before the application context exists (by {@code Application.main}, while
 * the embedded PostgreSQL starts and Micronaut reads its bean definitions) and taken by the bean that needs
 * it, which waits only for what is left. The work is keyed by its inputs (folders): a bean built from other
 * inputs than the preload guessed ignores it and builds its own. Taken at most once.
 */
public final class Preload<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Preload.class);

    private record Started<T>(String key, CompletableFuture<T> result) {
    }

    private final String what;
    private final AtomicReference<Started<T>> started = new AtomicReference<>();

    public Preload(String what) {
        this.what = what;
    }

    /** Runs {@code work} on a new daemon thread named {@code thread}. */
    public void start(String key, String thread, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        started.set(new Started<>(key, result));
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, thread);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The preloaded value if it was started for {@code key}, once it is ready; its failure is thrown as it
     * was thrown (a broken corpus stops start-up with the same message as without a preload).
     */
    public Optional<T> take(String key) {
        Started<T> s = started.getAndSet(null);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.key().equals(key)) {
            LOG.warn("{} was preloaded for {} but is needed for {}: built again", what, s.key(), key);
            return Optional.empty();
        }
        long began = System.nanoTime();
        try {
            T value = s.result().join();
            vn.hoidap.StartupPhases.done(what + ": the application context waited for the preload", began);
            return Optional.of(value);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}

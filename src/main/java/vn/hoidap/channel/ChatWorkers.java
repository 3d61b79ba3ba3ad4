package vn.hoidap.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a channel's work off the webhook request and the polling thread. Each chat always goes to the same
 * single-threaded worker, so one person's messages are answered in order while other chats proceed in
 * parallel. Queues are bounded: under a flood, work beyond them is dropped with a warning rather than
 * exhausting memory.
 */
public final class ChatWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatWorkers.class);

    private final String name;
    private final ExecutorService[] workers;

    public ChatWorkers(String name, int count, int queuePerWorker) {
        this.name = name;
        this.workers = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            workers[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(queuePerWorker), Workers.daemonThreads(name + "-worker-" + i));
        }
    }

    /** False when the work was dropped (queue full or shutting down). */
    public boolean submit(Object chatKey, Runnable work) {
        ExecutorService worker = workers[Math.floorMod(chatKey == null ? 0 : chatKey.hashCode(), workers.length)];
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: work failed", name, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: work dropped (workers busy or stopping)", name);
            return false;
        }
    }

    /** Lets queued work finish for a few seconds, then stops. */
    @Override
    public void close() {
        for (ExecutorService w : workers) {
            w.shutdown();
        }
        for (ExecutorService w : workers) {
            try {
                if (!w.awaitTermination(5, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

package vn.hoidap.querylog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-over from request threads to the writer thread, and the batcher on its far side: an
 * offer never blocks (a full queue answers false and the caller spills), and the writer takes whatever
 * has arrived, up to a batch, after waiting at most the flush interval for the first entry. The writer
 * queues {@code QuestionAnswered} events: turning them into rows (redaction, topics) is the writer thread's work.
 */
final class LogQueue<T> {

    private final BlockingQueue<T> queue;
    private final int batchSize;

    LogQueue(int capacity, int batchSize) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
    }

    /** Constant time, never blocks; false when the queue is full. */
    boolean offer(T event) {
        return queue.offer(event);
    }

    /** The next batch, oldest first: empty when nothing arrived within {@code waitMillis}. */
    List<T> nextBatch(long waitMillis) throws InterruptedException {
        T first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(Math.min(batchSize, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        return batch;
    }

    /** Everything still queued (at shutdown). */
    List<T> drain() {
        List<T> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    int depth() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}

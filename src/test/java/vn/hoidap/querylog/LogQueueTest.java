package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogQueueTest {

    @Test
    void aFullQueueRefusesAtOnceInsteadOfBlocking() {
        LogQueue<String> q = new LogQueue<>(3, 10);
        for (int i = 0; i < 3; i++) {
            assertTrue(q.offer("câu " + i));
        }
        assertFalse(q.offer("câu thừa"), "the fourth does not fit: the caller spills it");
        assertEquals(3, q.depth());
    }

    @Test
    void batchesAreOldestFirstAndNoLargerThanTheBatchSize() throws Exception {
        LogQueue<String> q = new LogQueue<>(100, 4);
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offered.add("câu " + i);
            q.offer("câu " + i);
        }
        List<String> taken = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> batch;
        while (!(batch = q.nextBatch(1)).isEmpty()) {
            sizes.add(batch.size());
            taken.addAll(batch);
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(offered, taken);
        assertTrue(q.isEmpty());
    }

    @Test
    void nothingQueuedGivesAnEmptyBatchAfterTheWait() throws Exception {
        assertTrue(new LogQueue<String>(5, 5).nextBatch(5).isEmpty());
    }

    @Test
    void anEntryOfferedWhileTheWriterWaitsIsTakenInThatWait() throws Exception {
        LogQueue<String> q = new LogQueue<>(5, 5);
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            q.offer("muộn");
        });
        producer.start();
        // The wait is generous (a loaded machine); what is asserted is that the entry arrives, not when.
        assertEquals(List.of("muộn"), q.nextBatch(60_000));
        producer.join();
    }

    @Test
    void drainTakesEverythingLeftAtShutdown() {
        LogQueue<String> q = new LogQueue<>(10, 2);
        for (int i = 0; i < 5; i++) {
            q.offer("câu " + i);
        }
        assertEquals(5, q.drain().size());
        assertEquals(0, q.depth());
    }
}

package vn.hoidap.state;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared state on the suite's embedded PostgreSQL, seen from two application contexts (two
 * instances): what one writes the other reads, expiry hides and the janitor purges, and a cluster job
 * runs on one instance at a time.
 */
class SharedStateTest {

    private static ApplicationContext first;
    private static ApplicationContext second;

    @BeforeAll
    static void start() {
        first = ApplicationContext.run("test");
        second = ApplicationContext.run("test");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aValueWrittenByOneInstanceIsReadByTheOther() {
        SharedState a = first.getBean(SharedState.class);
        SharedState b = second.getBean(SharedState.class);
        String session = UUID.randomUUID().toString();
        a.put("dialogue", session, "{\"turn\":1,\"province\":\"Bình Định\"}", Duration.ofMinutes(30));
        assertEquals(Optional.of("{\"turn\":1,\"province\":\"Bình Định\"}"), b.get("dialogue", session));
        b.put("dialogue", session, "{\"turn\":2}", Duration.ofMinutes(30));
        assertEquals(Optional.of("{\"turn\":2}"), a.get("dialogue", session), "no stale local copy is served");
        a.remove("dialogue", session);
        assertTrue(b.get("dialogue", session).isEmpty());
    }

    @Test
    void expiredValuesAreInvisibleAndPurged() {
        SharedState a = first.getBean(SharedState.class);
        String key = UUID.randomUUID().toString();
        a.put("dialogue", key, "{}", Duration.ofHours(1));
        // Age the row instead of sleeping: no test waits on the clock.
        first.getBean(JdbcOperations.class).execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE shared_state SET expires_at = now() - interval '1 second' WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
        assertTrue(a.get("dialogue", key).isEmpty());
        assertTrue(first.getBean(StateJanitor.class).purge() >= 1);
        long left = first.getBean(JdbcOperations.class).execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM shared_state WHERE key = ?")) {
                ps.setString(1, key);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertEquals(0, left);
    }

    @Test
    void badKeysAndOversizedValuesAreRefused() {
        SharedState a = first.getBean(SharedState.class);
        assertThrows(IllegalArgumentException.class, () -> a.put("dialogue", "", "{}", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> a.put("dialogue", "a\u0000b", "{}", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> a.put("dialogue", "k", "x".repeat(70_000), Duration.ofMinutes(1)));
    }

    @Test
    void aClusterJobRunsOnOneInstanceAtATimeAndOncePerInterval() throws Exception {
        ClusterJobs jobsA = first.getBean(ClusterJobs.class);
        ClusterJobs jobsB = second.getBean(ClusterJobs.class);
        String job = "test-" + UUID.randomUUID();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ClusterJobs.Outcome> running = pool.submit(() -> jobsA.runOnce(job, Duration.ofHours(1), () -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            inside.await();
            assertEquals(ClusterJobs.Outcome.LOCKED_ELSEWHERE, jobsB.runOnce(job, Duration.ofHours(1), () -> { }));
            release.countDown();
            assertEquals(ClusterJobs.Outcome.RAN, running.get());
        } finally {
            pool.shutdownNow();
        }
        List<ClusterJobs.Outcome> later = new ArrayList<>();
        later.add(jobsB.runOnce(job, Duration.ofHours(1), () -> { }));
        later.add(jobsA.runOnce(job, Duration.ofHours(1), () -> { }));
        assertEquals(List.of(ClusterJobs.Outcome.DONE_RECENTLY, ClusterJobs.Outcome.DONE_RECENTLY), later);
        assertEquals(ClusterJobs.Outcome.RAN, jobsB.runOnce(job, Duration.ZERO, () -> { }));
    }
}

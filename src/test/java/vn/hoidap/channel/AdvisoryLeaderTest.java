package vn.hoidap.channel;

import org.junit.jupiter.api.Test;
import vn.hoidap.system.TestDatabaseSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two candidates on the test PostgreSQL, as two instances of the service would be. */
class AdvisoryLeaderTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final DataSource db = TestDatabaseSession.server().getPostgresDatabase();

    @Test
    void electsOneAndHandsOverWhenTheLeaderStops() throws Exception {
        long key = AdvisoryLeader.keyOf("test-" + System.nanoTime());
        AtomicInteger elected = new AtomicInteger();
        AdvisoryLeader a = new AdvisoryLeader("a", db, key, elected::incrementAndGet, () -> { });
        AdvisoryLeader b = new AdvisoryLeader("b", db, key, elected::incrementAndGet, () -> { });
        try {
            a.start(Duration.ofMillis(100));
            b.start(Duration.ofMillis(100));
            await(() -> a.isLeader() || b.isLeader());
            for (int i = 0; i < 5; i++) {
                assertTrue(a.isLeader() ^ b.isLeader(), "exactly one leads");
                Thread.sleep(100);
            }
            assertEquals(1, elected.get());
            AdvisoryLeader leader = a.isLeader() ? a : b;
            AdvisoryLeader other = leader == a ? b : a;
            leader.close();
            await(other::isLeader);
            assertEquals(2, elected.get());
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aLeaderWhoseSessionIsKilledGivesWayOrTakesTheLockAgainButNeverBothLead() throws Exception {
        long key = AdvisoryLeader.keyOf("test-kill-" + System.nanoTime());
        AtomicInteger deposed = new AtomicInteger();
        AdvisoryLeader a = new AdvisoryLeader("a", db, key, () -> { }, deposed::incrementAndGet);
        AdvisoryLeader b = new AdvisoryLeader("b", db, key, () -> { }, deposed::incrementAndGet);
        try {
            a.start(Duration.ofMillis(100));
            await(a::isLeader);
            b.start(Duration.ofMillis(100));
            // The database drops the leader's session (a restart, a network cut): its lock goes with it.
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                            + "AND ((classid::bigint << 32) | objid::bigint) = ?")) {
                ps.setLong(1, key);
                ps.execute();
            }
            await(() -> b.isLeader() && !a.isLeader() || a.isLeader() && !b.isLeader() && deposed.get() == 0
                    && lockHolders(key) == 1);
            Thread.sleep(500);
            assertTrue(a.isLeader() ^ b.isLeader(), "one leader after the loss");
            assertEquals(1, lockHolders(key));
        } finally {
            a.close();
            b.close();
        }
    }

    private int lockHolders(long key) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        + "AND ((classid::bigint << 32) | objid::bigint) = ?")) {
            ps.setLong(1, key);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}

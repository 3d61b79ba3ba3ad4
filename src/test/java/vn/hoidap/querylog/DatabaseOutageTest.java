package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final DatabaseOutage db = new DatabaseOutage(2_000, now::get, "/tmp/spill");

    @Test
    void upUntilAWriteFails() {
        assertTrue(db.up());
        assertFalse(db.away());
        assertFalse(db.backingOff());
        assertEquals(0, db.failures());
    }

    @Test
    void afterAFailureTheDatabaseIsNotAskedUntilTheRetryIntervalHasPassed() {
        db.away(new RuntimeException(new SQLException("Connection refused", "08001")));
        assertFalse(db.up());
        assertTrue(db.away());
        now.addAndGet(1_999);
        assertTrue(db.away(), "still backing off");
        now.addAndGet(1);
        assertFalse(db.away(), "may be asked again");
        assertFalse(db.up(), "but not known to be back");
        db.away(new RuntimeException("still refused"));
        assertTrue(db.backingOff(), "a new failure starts a new interval");
        assertEquals(2, db.failures(), "every failed write is counted");
        db.back();
        assertTrue(db.up());
    }
}

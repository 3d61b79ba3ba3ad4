package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LossCounterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LossCounter lost = new LossCounter(now::get, 60_000);

    @Test
    void nothingLostNothingReported() {
        assertNull(lost.due());
        assertEquals(0, lost.count());
    }

    @Test
    void theFirstLossIsReportedAtOnceThenAtMostOncePerInterval() {
        lost.lose(3);
        assertEquals(new LossCounter.Report(3, 3), lost.due());
        lost.lose(2);
        now.addAndGet(59_999);
        assertNull(lost.due(), "within the minute: no second line");
        now.addAndGet(1);
        assertEquals(new LossCounter.Report(5, 2), lost.due(), "the total and what is new since the last line");
        now.addAndGet(120_000);
        assertNull(lost.due(), "no new loss, no line");
        assertEquals(5, lost.count());
    }
}

package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldRowsTest {

    @Test
    void keepsRowsUpToTheBoundAndHandsBackTheRest() {
        HeldRows held = new HeldRows(3);
        LogRow a = TestRows.row("a"), b = TestRows.row("b"), c = TestRows.row("c"), d = TestRows.row("d");
        assertTrue(held.hold(List.of(a, b)).isEmpty());
        assertEquals(List.of(d), held.hold(List.of(c, d)), "the fourth does not fit: the caller counts it lost");
        assertEquals(3, held.size());
    }

    @Test
    void takeAllGivesTheRowsOldestFirstAndEmptiesTheHolder() {
        HeldRows held = new HeldRows(10);
        LogRow a = TestRows.row("a"), b = TestRows.row("b");
        held.hold(List.of(a));
        held.hold(List.of(b));
        assertEquals(List.of(a, b), held.takeAll());
        assertTrue(held.isEmpty());
        assertEquals(0, held.size());
        assertTrue(held.hold(List.of(a, b)).isEmpty(), "room again once taken");
    }
}

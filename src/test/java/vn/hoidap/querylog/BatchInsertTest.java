package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchInsertTest {

    private final FakeSink sink = new FakeSink();
    private final BatchInsert insert = new BatchInsert(sink);

    @Test
    void aGoodBatchIsOneWrite() {
        List<LogRow> batch = List.of(TestRows.row("a"), TestRows.row("b"), TestRows.row("c"));
        BatchInsert.Outcome o = insert.write(batch);
        assertFalse(o.databaseAway());
        assertEquals(batch, o.settled());
        assertEquals(List.of(3), sink.calls, "one statement for the batch");
        assertEquals(batch, sink.stored);
    }

    @Test
    void aRowTheDatabaseRefusesIsDroppedAndTheOthersAreStored() {
        LogRow good1 = TestRows.row("a"), bad = TestRows.row("BAD"), good2 = TestRows.row("c");
        BatchInsert.Outcome o = insert.write(List.of(good1, bad, good2));
        assertFalse(o.databaseAway(), "a refused row is not an outage");
        assertEquals(List.of(good1, bad, good2), o.settled(), "the refused row is settled too: it must not be retried");
        assertEquals(List.of(good1, good2), sink.stored);
        assertEquals(List.of(3, 1, 1, 1), sink.calls, "the batch, then row by row");
    }

    @Test
    void whenTheDatabaseGoesAwayTheRowsNotWrittenComeBack() {
        List<LogRow> batch = List.of(TestRows.row("a"), TestRows.row("b"));
        sink.away = true;
        BatchInsert.Outcome o = insert.write(batch);
        assertTrue(o.databaseAway());
        assertEquals(batch, o.unwritten());
        assertTrue(o.settled().isEmpty());
    }

    @Test
    void anOutageInTheMiddleOfRowByRowReturnsTheTail() {
        LogRow a = TestRows.row("a"), bad = TestRows.row("BAD"), c = TestRows.row("c"), d = TestRows.row("d");
        sink.awayAfter = 1; // the batch fails on the bad row (no success), row a is written, then the database goes
        BatchInsert.Outcome o = insert.write(List.of(a, bad, c, d));
        assertTrue(o.databaseAway());
        assertEquals(List.of(a), o.settled());
        assertEquals(List.of(bad, c, d), o.unwritten(), "kept by the caller, retried later");
    }

    @Test
    void anEmptyBatchIsNoWrite() {
        assertTrue(insert.write(List.of()).settled().isEmpty());
        assertTrue(sink.calls.isEmpty());
    }
}

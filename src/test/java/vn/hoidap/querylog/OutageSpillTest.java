package vn.hoidap.querylog;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutageSpillTest {

    @TempDir
    Path tmp;

    private final AtomicLong now = new AtomicLong(10_000);

    private List<LogRow> readBack(OutageSpill spill) throws Exception {
        List<LogRow> rows = new ArrayList<>();
        for (Path f : spill.takeFiles()) {
            for (SpillRecord r : spill.read(f)) {
                rows.add(r.row());
            }
        }
        return rows;
    }

    @Test
    void rowsSpilledAreReadBackExactly() throws Exception {
        try (OutageSpill spill = new OutageSpill(tmp.resolve("spill"), ObjectMapper.getDefault(), now::get)) {
            assertFalse(spill.hasEntries());
            List<LogRow> rows = List.of(TestRows.row("Chữ ký số là gì?"), TestRows.row("VNeID mức 2?"));
            assertTrue(spill.append(rows));
            assertTrue(spill.appendOverflow(TestRows.row("Dồn dập")));
            assertTrue(spill.hasEntries());
            assertEquals(3, spill.spilledCount());
            assertTrue(spill.bytes() > 0);
            List<LogRow> back = readBack(spill);
            assertEquals(rows, back.subList(0, 2), "every field survives the round trip");
            assertEquals("Dồn dập", back.get(2).question());
        }
    }

    @Test
    void entriesLeftByAnEarlierRunAreFoundAtStart() throws Exception {
        Path dir = tmp.resolve("spill");
        try (OutageSpill first = new OutageSpill(dir, ObjectMapper.getDefault(), now::get)) {
            first.append(List.of(TestRows.row("trước khi dừng")));
        }
        try (OutageSpill next = new OutageSpill(dir, ObjectMapper.getDefault(), now::get)) {
            assertTrue(next.hasEntries());
            assertEquals("trước khi dừng", readBack(next).get(0).question());
        }
    }

    @Test
    void anUnwritableDirectoryIsReportedAndBackedOffThenRecovers() throws Exception {
        Path dir = tmp.resolve("spill");
        Files.writeString(dir, "not a directory"); // root ignores permissions; a file where the directory should be
        try (OutageSpill spill = new OutageSpill(dir, ObjectMapper.getDefault(), now::get)) {
            assertFalse(spill.append(List.of(TestRows.row("a"))));
            assertFalse(spill.writable());
            assertTrue(spill.error().contains("spill"), spill.error());
            assertFalse(spill.appendOverflow(TestRows.row("b")), "request threads do not try while it is unwritable");
            assertFalse(spill.mayTake());

            Files.delete(dir); // the disk is fixed...
            now.addAndGet(OutageSpill.MIN_BACKOFF_MILLIS - 1);
            assertFalse(spill.append(List.of(TestRows.row("c"))), "...but not tried again before the back-off ends");
            now.addAndGet(1);
            assertTrue(spill.mayTake());
            assertTrue(spill.append(List.of(TestRows.row("d"))));
            assertTrue(spill.writable());
            assertNull(spill.error());
            assertEquals(1, spill.spilledCount(), "only what was written counts as spilled");
        }
    }

    @Test
    void theBackOffDoublesUpToAMinute() throws Exception {
        Path dir = tmp.resolve("spill");
        Files.writeString(dir, "not a directory");
        try (OutageSpill spill = new OutageSpill(dir, ObjectMapper.getDefault(), now::get)) {
            long expected = OutageSpill.MIN_BACKOFF_MILLIS;
            for (int i = 0; i < 10; i++) {
                assertFalse(spill.append(List.of(TestRows.row("x"))));
                now.addAndGet(expected - 1);
                assertFalse(spill.mayTake(), "attempt " + i + " waits " + expected + " ms");
                now.addAndGet(1);
                assertTrue(spill.mayTake());
                expected = Math.min(OutageSpill.MAX_BACKOFF_MILLIS, expected * 2);
            }
            assertEquals(OutageSpill.MAX_BACKOFF_MILLIS, expected);
        }
    }
}

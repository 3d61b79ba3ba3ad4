package vn.hoidap.querylog;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpillReplayerTest {

    @TempDir
    Path tmp;

    private final FakeSink sink = new FakeSink();

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).count();
        }
    }

    @Test
    void everySpilledRowIsWrittenInBatchesAndItsFileDeleted() throws Exception {
        Path dir = tmp.resolve("spill");
        try (OutageSpill spill = new OutageSpill(dir, ObjectMapper.getDefault(), System::currentTimeMillis)) {
            List<LogRow> rows = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                rows.add(TestRows.row("câu " + i));
            }
            spill.append(rows.subList(0, 4));
            spill.takeFiles(); // a second file, as after a replay attempt
            spill.append(rows.subList(4, 7));
            Feedback verdict = new Feedback(rows.get(1).id(), true, "hữu ích", Instant.parse("2026-11-20T04:00:00Z"));
            spill.appendAtShutdown(List.of(SpillRecord.of(verdict)));

            List<LogRow> replayedRows = new ArrayList<>();
            List<Feedback> replayedFeedback = new ArrayList<>();
            SpillReplayer replayer = new SpillReplayer(spill, new BatchInsert(sink), 3);
            assertEquals(7, replayer.idsOnDisk().size());
            assertNull(replayer.replay((r, f) -> {
                replayedRows.addAll(r);
                replayedFeedback.addAll(f);
            }));
            assertEquals(rows, sink.stored, "oldest first, each once");
            assertEquals(List.of(3, 1, 3), sink.calls, "batches of at most 3 per file");
            assertEquals(rows, replayedRows);
            assertEquals(List.of(verdict), replayedFeedback);
            assertEquals(0, files(dir));
            assertTrue(!spill.hasEntries());
        }
    }

    @Test
    void anOutageDuringReplayKeepsTheFileAndALaterReplayStoresNothingTwice() throws Exception {
        Path dir = tmp.resolve("spill");
        try (OutageSpill spill = new OutageSpill(dir, ObjectMapper.getDefault(), System::currentTimeMillis)) {
            List<LogRow> rows = List.of(TestRows.row("a"), TestRows.row("b"), TestRows.row("c"));
            spill.append(rows);
            SpillReplayer replayer = new SpillReplayer(spill, new BatchInsert(sink), 2);
            sink.awayAfter = 1; // the first batch commits, then the database goes
            List<LogRow> told = new ArrayList<>();
            assertNotNull(replayer.replay((r, f) -> told.addAll(r)));
            assertTrue(told.isEmpty(), "the file is not done");
            assertEquals(1, files(dir));
            assertTrue(spill.hasEntries());

            sink.awayAfter = -1;
            assertNull(replayer.replay((r, f) -> told.addAll(r)));
            assertEquals(rows, sink.stored, "the committed first batch is not stored again");
            assertEquals(rows, told);
            assertEquals(0, files(dir));
        }
    }

    @Test
    void aSpilledRowTheDatabaseRefusesDoesNotBlockTheFile() throws Exception {
        try (OutageSpill spill = new OutageSpill(tmp.resolve("spill"), ObjectMapper.getDefault(), System::currentTimeMillis)) {
            LogRow good = TestRows.row("tốt"), bad = TestRows.row("BAD");
            spill.append(List.of(good, bad));
            assertNull(new SpillReplayer(spill, new BatchInsert(sink), 10).replay((r, f) -> { }));
            assertEquals(List.of(good), sink.stored);
            assertTrue(!spill.hasEntries());
        }
    }
}

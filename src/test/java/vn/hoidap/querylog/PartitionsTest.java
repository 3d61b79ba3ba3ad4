package vn.hoidap.querylog;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * query_log is partitioned by month: the writer creates the month it needs, a row that landed in the
 * default partition moves into its month when that is created, a replay stores nothing twice, and
 * retention drops a whole month while its daily counts survive.
 */
// Not transactional: partitions are DDL that other connections must see committed.
@MicronautTest(startApplication = false, transactional = false)
class PartitionsTest {

    @Inject
    DataSource dataSource;

    @Inject
    QueryLogStore store;

    @Inject
    Partitions partitions;

    private static LogRow row(UUID id, String at, String channel) {
        return LogRow.asked(id, Instant.parse(at), channel, "h", "Câu hỏi thử", "cau hoi thu", "faq", "khac", null,
                null, null, false, 0.5, null, 12);
    }

    private long scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void writerCreatesTheMonthAndReplaysAreStoredOnce() throws Exception {
        UUID id = UUID.randomUUID();
        List<LogRow> batch = List.of(row(id, "1995-03-15T03:00:00Z", "partition-a"));
        assertEquals(1, store.write(batch));
        assertEquals(0, store.write(batch), "the replayed row conflicts on (id, asked_at)");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, scalar(s, "SELECT count(*) FROM query_log_1995_03 WHERE id = '" + id + "'"));
            assertEquals(0, scalar(s, "SELECT count(*) FROM query_log_default WHERE id = '" + id + "'"));
            assertEquals(1, scalar(s, "SELECT coalesce(sum(questions), 0) FROM query_log_daily WHERE channel = 'partition-a'"));
        }
    }

    @Test
    void monthBoundariesAreVietnamTime() throws Exception {
        UUID id = UUID.randomUUID();
        // 31/05/1996 18:30 UTC is 01/06/1996 01:30 in Vietnam.
        store.write(List.of(row(id, "1996-05-31T18:30:00Z", "partition-b")));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, scalar(s, "SELECT count(*) FROM query_log_1996_06 WHERE id = '" + id + "'"));
        }
    }

    @Test
    void rowsInTheDefaultPartitionMoveIntoTheirMonthWithoutBeingCountedTwice() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, topic, fallback)
                    VALUES (gen_random_uuid(), '1997-07-10T10:00:00+07', 'partition-c', 'khac', false),
                           (gen_random_uuid(), '1997-07-11T10:00:00+07', 'partition-c', 'khac', true)""");
            assertEquals(2, scalar(s, "SELECT count(*) FROM query_log_default WHERE channel = 'partition-c'"));
            s.execute("SELECT query_log_ensure_partition('1997-07-01')");
            assertEquals(0, scalar(s, "SELECT count(*) FROM query_log_default WHERE channel = 'partition-c'"));
            assertEquals(2, scalar(s, "SELECT count(*) FROM query_log_1997_07 WHERE channel = 'partition-c'"));
            assertEquals(2, scalar(s, "SELECT sum(questions) FROM query_log_daily WHERE channel = 'partition-c'"));
            assertEquals(1, scalar(s, "SELECT sum(unanswered) FROM query_log_daily WHERE channel = 'partition-c'"));
        }
    }

    @Test
    void retentionDropsWholeMonthsAndTheDailyCountsSurvive() throws Exception {
        store.write(List.of(row(UUID.randomUUID(), "1990-01-10T03:00:00Z", "partition-d"),
                row(UUID.randomUUID(), "1990-02-10T03:00:00Z", "partition-d")));
        List<String> dropped = partitions.dropBefore(LocalDate.of(1990, 2, 15));
        assertTrue(dropped.contains("query_log_1990_01"), "dropped " + dropped);
        assertFalse(dropped.contains("query_log_1990_02"), "a month not wholly past the cut-off stays");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, scalar(s, "SELECT count(*) FROM query_log WHERE channel = 'partition-d'"));
            assertEquals(2, scalar(s, "SELECT sum(questions) FROM query_log_daily WHERE channel = 'partition-d'"));
            // The month comes back if a late (replayed) row needs it.
            store.write(List.of(row(UUID.randomUUID(), "1990-01-20T03:00:00Z", "partition-d")));
            assertEquals(2, scalar(s, "SELECT count(*) FROM query_log WHERE channel = 'partition-d'"));
        }
    }
}

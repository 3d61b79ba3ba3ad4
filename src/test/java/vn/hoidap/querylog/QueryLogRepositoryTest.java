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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query log's repository on the embedded PostgreSQL, with the real partitions and roll-up triggers: a
 * batch is one statement (the statement-level triggers count it once), a replay stores and counts nothing
 * twice, every column arrives as written, and verdicts move the roll-ups.
 */
// Rows of 1983 with channels of their own: no other test counts them. Not transactional: the partitions the store creates are DDL other connections must see committed.
@MicronautTest(startApplication = false, transactional = false)
class QueryLogRepositoryTest {

    @Inject
    QueryLogRepository repository;
    @Inject
    QueryLogStore store;
    @Inject
    DataSource dataSource;

    private static LogRow row(String channel, String question, boolean fallback, String session, Instant at) {
        return LogRow.asked(UUID.randomUUID(), at, channel, session, question, QuestionKey.of(question), "faq",
                "chu-ky-so", "pho-cap-ky-nang-so", "Đồng Nai", "Sở Khoa học và Công nghệ", fallback, 0.625,
                "plan-dong-nai#2", 37);
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBatchIsStoredOnceAndCountedOnceByTheRollUps() throws Exception {
        String channel = "repo-" + UUID.randomUUID().toString().substring(0, 8);
        List<LogRow> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(row(channel, "Câu hỏi số " + i + " về chữ ký số?", i % 4 == 0, "h" + i,
                    Instant.parse("1983-10-05T02:00:00Z").plusSeconds(i)));
        }
        assertEquals(40, store.write(batch));
        assertEquals(0, store.write(batch), "a replayed batch conflicts on (id, asked_at) and is skipped");
        assertEquals(2, store.write(List.of(batch.get(0), row(channel, "Mới", false, "x", Instant.parse("1983-10-06T02:00:00Z")),
                row(channel, "Mới nữa", true, "y", Instant.parse("1983-10-06T02:00:01Z")))), "only the new rows count");
        assertEquals(42, scalar("SELECT count(*) FROM query_log WHERE channel = '" + channel + "'"));
        assertEquals(42, scalar("SELECT sum(questions) FROM query_log_daily WHERE channel = '" + channel + "'"));
        assertEquals(11, scalar("SELECT sum(unanswered) FROM query_log_daily WHERE channel = '" + channel + "'"));
        assertEquals(42, scalar("SELECT sum(questions) FROM query_log_monthly WHERE channel = '" + channel + "'"));
        assertEquals(42, scalar("SELECT sum(questions) FROM query_log_hourly WHERE channel = '" + channel + "'"));
    }

    @Test
    void everyColumnArrivesAsWrittenAndAnsweredIsTheDatabasesOwn() {
        Instant at = Instant.parse("1983-10-07T09:30:15.123456Z");
        LogRow written = row("repo-columns", "Tôi hỏi [SỐ ĐIỆN THOẠI] về VNeID?", true, "abc123", at);
        LogRow bare = LogRow.asked(UUID.randomUUID(), at, "repo-columns", null, null, null, null, "khac", null, null,
                null, false, null, null, null);
        store.write(List.of(written, bare));
        LogRow read = repository.findById(written.id()).orElseThrow();
        assertEquals(written.askedAt(), read.askedAt(), "microseconds kept");
        assertEquals(written.channel(), read.channel());
        assertEquals(written.sessionHash(), read.sessionHash());
        assertEquals(written.question(), read.question());
        assertEquals(written.questionKey(), read.questionKey());
        assertEquals(written.intent(), read.intent());
        assertEquals(written.topic(), read.topic());
        assertEquals(written.theme(), read.theme());
        assertEquals(written.province(), read.province());
        assertEquals(written.agency(), read.agency());
        assertEquals(true, read.fallback());
        assertEquals(false, read.answered(), "generated: NOT fallback");
        assertEquals(0.625, read.confidence(), 1e-6);
        assertEquals(written.topSource(), read.topSource());
        assertEquals(37, read.latencyMs());
        assertNull(read.feedback());
        LogRow nulls = repository.findById(bare.id()).orElseThrow();
        assertNull(nulls.sessionHash());
        assertNull(nulls.question());
        assertNull(nulls.theme());
        assertNull(nulls.confidence());
        assertNull(nulls.latencyMs());
        assertEquals(true, nulls.answered());
    }

    @Test
    void aVerdictIsStoredOnItsRowAndMovesTheRollUps() throws Exception {
        String channel = "repo-fb-" + UUID.randomUUID().toString().substring(0, 8);
        LogRow r = row(channel, "Có mất phí không?", false, "fb-session", Instant.parse("1983-10-08T02:00:00Z"));
        store.write(List.of(r));
        Instant at = Instant.parse("1983-10-08T02:05:00Z");
        assertTrue(store.feedback(new Feedback(r.id(), true, "rõ ràng", at)));
        LogRow read = repository.findById(r.id()).orElseThrow();
        assertEquals(true, read.feedback());
        assertEquals("rõ ràng", read.feedbackComment());
        assertEquals(at, read.feedbackAt());
        assertEquals(1, scalar("SELECT sum(helpful) FROM query_log_daily WHERE channel = '" + channel + "'"));
        assertTrue(store.feedback(new Feedback(r.id(), false, null, at.plusSeconds(1))));
        assertEquals(0, scalar("SELECT sum(helpful) FROM query_log_daily WHERE channel = '" + channel + "'"),
                "a changed verdict is moved, not added");
        assertEquals(1, scalar("SELECT sum(rated) FROM query_log_monthly WHERE channel = '" + channel + "'"));
        assertEquals(false, store.feedback(new Feedback(UUID.randomUUID(), true, null, at)), "no such answer");
    }

    @Test
    void theLatestAnswerOfASessionIsItsNewestRow() {
        String session = "latest-" + UUID.randomUUID();
        LogRow older = row("repo-latest", "Trước", false, session, Instant.parse("1983-10-09T02:00:00Z"));
        LogRow newer = row("repo-latest", "Sau", false, session, Instant.parse("1983-10-09T02:01:00Z"));
        store.write(List.of(newer, older));
        assertEquals(newer.id(), store.latestAnswerOf(session).orElseThrow());
        assertTrue(store.latestAnswerOf("never-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void aRowPostgresCannotStoreIsADataErrorNotAnOutage() {
        LogRow bad = row("repo-bad", "NUL \u0000 trong câu", false, "s", Instant.parse("1983-10-10T02:00:00Z"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> store.write(List.of(bad)));
        assertTrue(BadRows.isDataError(e), "the writer drops it instead of spilling it forever: " + e);
    }
}

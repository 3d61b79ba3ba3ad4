package vn.hoidap.querylog;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false, transactional = false)
class RetentionJobTest {

    @Inject
    QueryLogRepository repository;
    @Inject
    DataSource dataSource;

    @Test
    void removesOldQuestionTextButKeepsTheRowsForTheAggregates() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, theme, fallback, feedback,
                                           feedback_comment)
                    VALUES ('00000000-0000-4000-9000-000000000001', '2001-05-01T10:00:00+07', 'retention', 'Làm VNeID ở đâu?',
                            'lam vneid o dau', 'vneid-dinh-danh', 'pho-cap-ky-nang-so', false, true, 'tốt'),
                           ('00000000-0000-4000-9000-000000000002', '2009-12-31T10:00:00+07', 'retention', 'Chữ ký số?',
                            'chu ky so', 'chu-ky-so', 'pho-cap-ky-nang-so', false, null, null),
                           ('00000000-0000-4000-9000-000000000003', '2011-01-02T10:00:00+07', 'retention', 'Mới hơn',
                            'moi hon', 'khac', null, true, null, null)
                    ON CONFLICT DO NOTHING""");
            // Keep everything after 1 January 2010: the suite's other rows are all newer.
            int days = (int) ChronoUnit.DAYS.between(LocalDate.of(2010, 1, 1), LocalDate.now());
            RetentionJob job = new RetentionJob(repository, new QueryLogConfig(true, 10, 10, 10, 10, "x", null, days, 10), null, null);
            assertTrue(job.run() >= 2);
            try (ResultSet rs = s.executeQuery("""
                    SELECT id::text, question, question_key, feedback_comment, feedback, topic FROM query_log
                    WHERE channel = 'retention' ORDER BY asked_at""")) {
                rs.next();
                assertNull(rs.getString(2));
                assertNull(rs.getString(3));
                assertNull(rs.getString(4));
                assertTrue(rs.getBoolean(5), "the verdict survives");
                assertEquals("vneid-dinh-danh", rs.getString(6), "the topic survives");
                rs.next();
                assertNull(rs.getString(2));
                rs.next();
                assertEquals("Mới hơn", rs.getString(2), "newer text is kept");
            }
            assertEquals(0, job.run(), "nothing left to do");
            try (ResultSet rs = s.executeQuery("""
                    SELECT string_agg(question_key, ',' ORDER BY month) FROM query_key_monthly
                    WHERE question_key IN ('lam vneid o dau', 'chu ky so', 'moi hon') AND month < '2012-01-01'""")) {
                rs.next();
                assertEquals("moi hon", rs.getString(1), "monthly key counts past the period are gone");
            }
        }
    }
}

package vn.hoidap.insights;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The trigger-kept daily roll-up follows inserts (once, even when retried), verdict changes and retention. */
@MicronautTest(startApplication = false, transactional = false)
class DailyRollupTest {

    @Inject
    DataSource dataSource;

    @Test
    void countsInsertsOnceAndFollowsEveryChangeOfVerdict() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            String insert = """
                    INSERT INTO query_log (id, asked_at, channel, question, question_key, topic, theme, province, fallback)
                    VALUES ('00000000-0000-4000-a000-000000000001', '2019-06-01T23:30:00+07', 'rollup', 'a', 'a',
                            'chu-ky-so', 'pho-cap-ky-nang-so', 'Bình Định', false),
                           ('00000000-0000-4000-a000-000000000002', '2019-06-01T08:00:00+07', 'rollup', 'b', 'b',
                            'chu-ky-so', 'pho-cap-ky-nang-so', 'Bình Định', true)
                    ON CONFLICT DO NOTHING""";
            s.executeUpdate(insert);
            s.executeUpdate(insert); // a replayed batch
            assertArrayEquals(new long[] {2, 1, 0, 0}, daily(s));
            s.executeUpdate("UPDATE query_log SET feedback = true WHERE id = '00000000-0000-4000-a000-000000000001'");
            assertArrayEquals(new long[] {2, 1, 1, 1}, daily(s));
            s.executeUpdate("UPDATE query_log SET feedback = false WHERE id = '00000000-0000-4000-a000-000000000001'");
            s.executeUpdate("UPDATE query_log SET feedback = true WHERE id = '00000000-0000-4000-a000-000000000002'");
            assertArrayEquals(new long[] {2, 1, 2, 1}, daily(s));
            s.executeUpdate("UPDATE query_log SET feedback = NULL WHERE id = '00000000-0000-4000-a000-000000000001'");
            s.executeUpdate("UPDATE query_log SET question = NULL, question_key = NULL WHERE channel = 'rollup'");
            assertArrayEquals(new long[] {2, 1, 1, 1}, daily(s));
        }
    }

    /** questions, unanswered, rated, helpful on 1 June 2019 (Vietnam time: 23:30 +07 is still that day). */
    private static long[] daily(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                SELECT sum(questions), sum(unanswered), sum(rated), sum(helpful) FROM query_log_daily
                WHERE channel = 'rollup' AND day = '2019-06-01' AND province = 'Bình Định' AND topic = 'chu-ky-so'""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }
}

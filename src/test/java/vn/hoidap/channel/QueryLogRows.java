package vn.hoidap.channel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/** Reads query_log rows written by the real (asynchronous) query log, waiting for them to arrive. */
public final class QueryLogRows {

    /** The row's channel and stored verdict (null while none). */
    public record Row(String channel, Boolean feedback) {
    }

    private QueryLogRows() {
    }

    /** Waits until the row of {@code answerId} has a verdict; null if none within {@code timeout}. */
    public static Row awaitFeedback(JdbcOperations jdbc, String answerId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        Row row = null;
        while (System.nanoTime() < end) {
            row = jdbc.execute(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT channel, feedback FROM query_log WHERE id = ?")) {
                    s.setObject(1, UUID.fromString(answerId));
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? new Row(rs.getString(1), (Boolean) rs.getObject(2)) : null;
                    }
                }
            });
            if (row != null && row.feedback() != null) {
                return row;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return row;
            }
        }
        return row;
    }
}

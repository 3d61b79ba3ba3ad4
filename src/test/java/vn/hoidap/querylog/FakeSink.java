package vn.hoidap.querylog;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RowSink} that fails as Micronaut Data over PostgreSQL does: a batch with a row whose question
 * contains "BAD" is refused with SQLSTATE 22021 (PostgreSQL's "invalid byte sequence", all or nothing), and
 * while {@link #away} is set every write fails with 08006 (connection failure). Stores what it takes.
 */
final class FakeSink implements RowSink {

    final List<LogRow> stored = new ArrayList<>();
    final List<Integer> calls = new ArrayList<>();
    boolean away;
    /** Goes away after this many successful writes (negative: never). */
    int awayAfter = -1;

    @Override
    public int write(List<LogRow> rows) {
        calls.add(rows.size());
        if (away || awayAfter == 0) {
            throw new DataAccessException("Error executing SQL UPDATE: An I/O error occurred while sending to the backend.",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }
        for (LogRow r : rows) {
            if (r.question() != null && r.question().contains("BAD")) {
                throw new DataAccessException("Error executing SQL UPDATE: invalid byte sequence for encoding \"UTF8\": 0x00",
                        new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
            }
        }
        int added = 0;
        for (LogRow r : rows) {
            if (stored.stream().noneMatch(s -> s.id().equals(r.id()))) {
                stored.add(r);
                added++;
            }
        }
        if (awayAfter > 0) {
            awayAfter--;
        }
        return added;
    }
}

package vn.hoidap.querylog;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Tells a row the database refuses (SQLSTATE class 22 data exception, 23 integrity violation) from a
 * database that is away: the first is dropped with a log line, the second waits in the spill file.
 */
final class BadRows {

    private BadRows() {
    }

    static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isDataState(sql)) {
                return true;
            }
            if (t instanceof BatchUpdateException batch && batch.getNextException() != null
                    && isDataState(batch.getNextException())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isDataState(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}

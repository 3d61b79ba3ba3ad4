package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadRowsTest {

    @Test
    void dataAndIntegrityErrorsAreTheRowsFault() {
        assertTrue(BadRows.isDataError(new RuntimeException(new SQLException("invalid byte sequence", "22021"))));
        assertTrue(BadRows.isDataError(new SQLException("check violation", "23514")));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "22021", new int[0]);
        assertTrue(BadRows.isDataError(batch));
        BatchUpdateException wrapped = new BatchUpdateException("aborted", null, new int[0]);
        wrapped.setNextException(new SQLException("value too long", "22001"));
        assertTrue(BadRows.isDataError(new RuntimeException(wrapped)));
    }

    @Test
    void connectionErrorsAreTheDatabaseBeingAway() {
        assertFalse(BadRows.isDataError(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertFalse(BadRows.isDataError(new RuntimeException("pool timed out")));
        assertFalse(BadRows.isDataError(new AssertionError("closed connection")));
    }
}

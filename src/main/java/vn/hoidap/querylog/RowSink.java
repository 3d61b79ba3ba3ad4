package vn.hoidap.querylog;

import java.util.List;

/**
 * Takes a batch of log rows, all or nothing: {@link QueryLogStore} in the service. A failure is either the
 * rows' fault (SQLSTATE class 22/23, see {@link BadRows}) or the database being away.
 */
interface RowSink {

    /** Returns how many rows were new (a replayed row is skipped). */
    int write(List<LogRow> rows);
}

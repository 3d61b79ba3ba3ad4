package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of the spill file: a log row or a feedback waiting for its row. */
@Serdeable
record SpillRecord(@Nullable LogRow row, @Nullable Feedback feedback) {

    static SpillRecord of(LogRow row) {
        return new SpillRecord(row, null);
    }

    static SpillRecord of(Feedback feedback) {
        return new SpillRecord(null, feedback);
    }
}

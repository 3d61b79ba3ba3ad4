package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

/** Who reports to whom by which date ("20/11" every year). */
@Serdeable
public record ReportingDeadline(String planId, String reporter, String recipient, String date, String recurrence,
                                String what, String section, String anchor) implements java.io.Serializable {
}

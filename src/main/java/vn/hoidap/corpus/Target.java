package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

/** A target of a plan for a year: "70%" of working-age people able to use online public services by 2025. */
@Serdeable
public record Target(String planId, int year, String figure, String subject, String statement, String section,
                     String anchor) implements java.io.Serializable {
}

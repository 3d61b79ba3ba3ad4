package vn.hoidap.topics;

import io.micronaut.serde.annotation.Serdeable;

/** One of the three themes of Decision 146/QĐ-TTg. */
@Serdeable
public record Theme(String id, String name, String source) {
}

package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

/** An agency as the document names it, and the canonical agency it resolved to (null when unknown). */
@Serdeable
public record AgencyMention(String text, String agencyId) implements java.io.Serializable {
}

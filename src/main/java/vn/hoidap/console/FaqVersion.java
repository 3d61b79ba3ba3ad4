package vn.hoidap.console;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One saved version of a console FAQ entry; {@code alternates} is a JSON array of phrasings. */
@Serdeable
@MappedEntity("faq_version")
record FaqVersion(
        @EmbeddedId Key key,
        String question,
        String alternates,
        String answer,
        String topic,
        String basis,
        String audience,
        boolean deleted,
        String actor,
        Instant savedAt) {

    @Serdeable
    @Embeddable
    record Key(@MappedProperty("id") String id, @MappedProperty("version") int version) {
    }
}

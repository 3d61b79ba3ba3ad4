package vn.hoidap.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Where an answer comes from: a plan section or an FAQ entry, with a link people can open. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Source(String title, String planId, String section, String url, String snippet) {
}

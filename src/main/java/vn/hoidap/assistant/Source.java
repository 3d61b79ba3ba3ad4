package vn.hoidap.assistant;

import io.micronaut.serde.annotation.Serdeable;

/** Where an answer comes from: a plan section or an FAQ entry, with a link people can open. */
@Serdeable
public record Source(String title, String planId, String section, String url, String snippet) {
}

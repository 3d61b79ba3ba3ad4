package vn.hoidap.search;

import io.micronaut.serde.annotation.Serdeable;

/** What an index unit is. Lower-case names are the values of {@code type} in {@code /api/search}. */
@Serdeable
public enum UnitType {
    PASSAGE, TASK, TARGET, DEADLINE, RESPONSIBILITY, FAQ
}

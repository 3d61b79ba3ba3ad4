package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public enum PlanStatus {
    ISSUED, DRAFT;

    static PlanStatus parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "issued" -> ISSUED;
            case "draft" -> DRAFT;
            default -> throw new IllegalArgumentException("status must be 'issued' or 'draft', not '" + value + "'");
        };
    }
}

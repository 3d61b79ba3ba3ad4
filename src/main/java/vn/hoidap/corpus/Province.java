package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A Vietnamese province, before or after the 2025 reorganisation. {@code former}: one of the 63 until
 * 30/6/2025; {@code current}: one of the 34 from 1/7/2025. {@code mergedInto} is the id of the province it
 * became part of, with the effective date, a note and the source.
 */
@Serdeable
public record Province(
        String id,
        String name,
        List<String> variants,
        boolean former,
        boolean current,
        String mergedInto,
        String effective,
        String note,
        String source) {

    public Province {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}

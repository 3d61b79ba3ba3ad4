package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A canonical agency from {@code corpus/agencies.yaml}. {@code province} is null for generic bodies
 * ("Sở Thông tin và Truyền thông" exists in every province); {@code successor} says who holds the role
 * after the 2025 reorganisation, with its effective date and source.
 */
@Serdeable
public record Agency(
        String id,
        String name,
        String kind,
        String province,
        List<String> abbreviations,
        List<String> variants,
        List<String> members,
        Succession successor) {

    public Agency {
        abbreviations = abbreviations == null ? List.of() : List.copyOf(abbreviations);
        variants = variants == null ? List.of() : List.copyOf(variants);
        members = members == null ? List.of() : List.copyOf(members);
    }

    @Serdeable
    public record Succession(String agencyId, String name, String effective, String note, String source) {
    }
}

package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a plan document is, as read from its {@code <id>.yaml}. {@code number} and {@code issueDate} may be
 * null when the document does not tell (the key must still be present, so an omission is deliberate).
 */
@Serdeable
public record PlanMetadata(
        String id,
        String province,
        String kind,
        String number,
        String issueDate,
        String issuer,
        String signer,
        String signerTitle,
        PlanStatus status,
        String title,
        TextQuality textQuality,
        String originalFile,
        String draftOf,
        PlanFacts facts) implements java.io.Serializable {

    public boolean isDraft() {
        return status == PlanStatus.DRAFT;
    }

    /** "Kế hoạch 53/KH-UBND (Thanh Hóa)", with "Dự thảo" for drafts: how a plan is named to people. */
    public String displayName() {
        StringBuilder sb = new StringBuilder(kind);
        if (number != null) {
            sb.append(" số ").append(number);
        }
        sb.append(" của tỉnh ").append(province);
        if (isDraft()) {
            sb.append(" (Dự thảo)");
        }
        return sb.toString();
    }

    /** Plan-level facts people ask about; every list may be empty, never null. */
    @Serdeable
    public record PlanFacts(
            String implementsDecision,
            List<String> legalBasis,
            String funding,
            List<String> purpose,
            List<String> requirements,
            List<String> recipients) implements java.io.Serializable {
        public PlanFacts {
            legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
            purpose = purpose == null ? List.of() : List.copyOf(purpose);
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }
}

package vn.hoidap.text;

import java.util.List;

/**
 * A plan document after PDF/OCR repair. {@code content} is what people read and what the outline is parsed
 * from; the "Nơi nhận" list, the signer's name and the digital-signature stamps are kept apart as metadata.
 */
public record RepairedText(String content, List<String> recipients, String signer, List<String> signatureLines) {
    public RepairedText {
        recipients = List.copyOf(recipients);
        signatureLines = List.copyOf(signatureLines);
    }
}

package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public enum TextQuality {
    CLEAN, OCR;

    static TextQuality parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "clean" -> CLEAN;
            case "ocr" -> OCR;
            default -> throw new IllegalArgumentException("textQuality must be 'clean' or 'ocr', not '" + value + "'");
        };
    }
}

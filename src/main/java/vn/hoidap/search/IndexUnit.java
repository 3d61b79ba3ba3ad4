package vn.hoidap.search;

import java.util.List;

/**
 * One retrievable piece of the knowledge, before it becomes a Lucene document. {@code originalText} is
 * the same piece in the file as received, for OCR plans whose shown text was repaired (null otherwise);
 * {@code ocr} marks units whose text came through OCR, which get the OCR-tolerant fields.
 */
record IndexUnit(
        UnitType type,
        String id,
        String planId,
        String province,
        boolean draft,
        List<String> agencyIds,
        String title,
        String text,
        String originalText,
        String section,
        String url,
        boolean ocr) {

    IndexUnit {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}

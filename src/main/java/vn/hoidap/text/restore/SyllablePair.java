package vn.hoidap.text.restore;

/** An OCR syllable and the clean syllable it stands for, both lower-case. */
record SyllablePair(String ocr, String clean) {
}

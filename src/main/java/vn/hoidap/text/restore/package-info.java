/**
 * Diacritic restoration for OCR'd Vietnamese plans.
 *
 * <p>{@link vn.hoidap.text.restore.DiacriticRestorer} is trained at start-up from clean texts (the clean
 * plans, FAQ questions and answers, agency names) and, optionally, one OCR'd document with a clean version of
 * it (the issued Đồng Nai plan and its draft), from which it learns how OCR misreads letters:
 *
 * <pre>{@code
 * DiacriticRestorer restorer = DiacriticRestorer.builder()
 *         .cleanTexts(cleanPlanTexts)
 *         .cleanTexts(faqTexts)
 *         .ocrSample(dongNaiIssuedText, dongNaiDraftText)
 *         .build();
 * String shown = restorer.restore(ocrText);   // keep ocrText too: it stays searchable
 * }</pre>
 *
 * <p>Inside: {@code Pieces} splits text into words and the gaps between them; {@code SyllableModel} is the
 * trigram language model; {@code CandidateIndex} finds the clean syllables an OCR word may stand for;
 * {@code OcrChannel} scores how OCR prints a syllable; {@code SyllableAligner}/{@code AlignedSample} align an
 * OCR document with its clean version, for learning the channel and for measuring accuracy.
 */
package vn.hoidap.text.restore;

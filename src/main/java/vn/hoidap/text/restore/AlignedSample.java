package vn.hoidap.text.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OCR'd document aligned with a clean version of it: for each kept syllable, its position among the OCR
 * tokens and the two spellings. Used to learn the OCR channel and to measure restoration.
 */
record AlignedSample(List<Piece> ocrTokens, List<AlignedSyllable> syllables) {

    /** @param position index into {@link #ocrTokens()} */
    record AlignedSyllable(int position, String ocr, String clean) {

        /** Lower-case, OCR apostrophes dropped: the form the restorer looks candidates up by. */
        SyllablePair pair() {
            return new SyllablePair(Pieces.withoutApostrophes(ocr).toLowerCase(Locale.ROOT), clean.toLowerCase(Locale.ROOT));
        }
    }

    static AlignedSample of(String ocrText, String cleanText) {
        List<Piece> ocr = Pieces.split(ocrText).stream().filter(Piece::isToken).toList();
        List<Piece> clean = Pieces.split(cleanText).stream().filter(Piece::isToken).toList();
        List<SyllableAligner.Link> links = SyllableAligner.align(
                ocr.stream().map(Piece::text).toList(), clean.stream().map(Piece::text).toList());
        List<AlignedSyllable> out = new ArrayList<>();
        for (SyllableAligner.Link l : links) {
            out.add(new AlignedSyllable(l.ocr(), ocr.get(l.ocr()).text(), clean.get(l.clean()).text()));
        }
        return new AlignedSample(ocr, List.copyOf(out));
    }

    /** Word syllables only (numbers and document numbers are not what the channel learns), lower-case. */
    List<SyllablePair> pairs() {
        return syllables.stream()
                .filter(s -> ocrTokens.get(s.position()).kind() == Piece.Kind.WORD)
                .map(AlignedSyllable::pair)
                .toList();
    }
}

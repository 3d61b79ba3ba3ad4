package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PiecesTest {

    @Test
    void concatenatedPiecesGiveBackTheText() {
        String text = "  - Pon vi phdi hop: S& Gido duc va Pao tao,\n\nUBND tinh (146/QD-TTg). “Nang cao” 70%\n";
        assertEquals(text, Pieces.split(text).stream().map(Piece::text).collect(Collectors.joining()));
    }

    @Test
    void classifiesOcrWordsCompoundsAndNumbers() {
        assertEquals(List.of("S&:WORD", "k¥:WORD", "¢6:WORD", "50:WORD", "146/QD-TTg:COMPOUND", "TT&TT:COMPOUND",
                        "2025:NUMBER", "50:NUMBER", "1.000:COMPOUND"),
                Pieces.split("S& k¥ ¢6 50 146/QD-TTg TT&TT 2025 50% 1.000").stream().filter(Piece::isToken)
                        .map(p -> p.text() + ":" + p.kind()).toList());
    }

    @Test
    void clausePunctuationBreaksTheContextButCommasDoNot() {
        List<Piece> gaps = Pieces.split("hop: S& Noi vu, UBND").stream().filter(p -> !p.isToken()).toList();
        assertTrue(gaps.get(0).isSentenceBreak());
        assertFalse(gaps.get(2).isSentenceBreak());
    }

    @Test
    void readsWordsWithStrayApostrophesAsWords() {
        assertEquals(List.of("hq'p:WORD", "chwo’ng:WORD", "t’rién:WORD"),
                Pieces.split("hq'p chwo’ng t’rién").stream().filter(Piece::isToken).map(p -> p.text() + ":" + p.kind()).toList());
    }

    @Test
    void tellsAbbreviationsFromUpperCaseSyllables() {
        for (String abbreviation : List.of("UBND", "CNTT", "STEM", "VNPT", "LRIS")) {
            assertTrue(Pieces.isAbbreviation(abbreviation), abbreviation);
        }
        for (String syllable : List.of("MUC", "NGHIEP", "TRUYEN", "QUYET", "II", "s6")) {
            assertFalse(Pieces.isAbbreviation(syllable), syllable);
        }
    }

    @Test
    void mapsTheLookAlikeEthToDj() {
        assertEquals("Đồng", Pieces.split("Ðồng").get(0).text());
    }
}

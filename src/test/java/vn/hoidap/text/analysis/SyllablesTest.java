package vn.hoidap.text.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyllablesTest {

    @ParameterizedTest
    @CsvSource({"hoá,hóa", "thuỷ,thủy", "khoẻ,khỏe", "uỷ,ủy", "toà,tòa", "hóa,hóa", "quý,quý", "hoàn,hoàn",
            "ngoài,ngoài", "của,của", "giá,giá", "số,số"})
    void movesTheToneToTheFirstVowelOfOpenOaOeUy(String in, String expected) {
        assertEquals(expected, Syllables.canonicalTone(in));
    }

    @ParameterizedTest
    @CsvSource({"kỹ,kĩ", "lý,lí", "mỹ,mĩ", "ty,ti", "kĩ,kĩ", "quy,quy", "quý,quý", "tuy,tuy", "hay,hay", "y,y"})
    void writesALoneYAfterAConsonantAsI(String in, String expected) {
        assertEquals(expected, Syllables.canonicalIY(in));
    }

    @ParameterizedTest
    @CsvSource({"HOÁ,hóa", "Ðồng,đồng", "Kỹ,kĩ"})
    void normalizeLowerCasesAndFixesTheLookAlikeEth(String in, String expected) {
        assertEquals(expected, Syllables.normalize(in));
    }
}

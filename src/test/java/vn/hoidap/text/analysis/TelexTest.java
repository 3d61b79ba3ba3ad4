package vn.hoidap.text.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TelexTest {

    private static final Set<String> EXACT = Set.of("chuyển", "đổi", "số", "người", "dân", "quý", "gì", "hóa", "tư");
    private static final Set<String> FOLDED = Set.of("chuyen", "doi", "so", "nguoi", "dan", "quy", "gi", "hoa", "tu",
            "sos");

    @ParameterizedTest
    @CsvSource({"chuyeenr,chuyển", "ddooir,đổi", "soos,số", "nguwowif,người", "quys,quý", "gif,gì", "hoaf,hòa",
            "hoas,hóa", "tw,tư", "toans,toán", "ddaauf,đầu"})
    void convertsTelexWords(String in, String expected) {
        assertEquals(expected, Telex.convert(in));
    }

    @Test
    void refusesWhatSpellsNoSyllable() {
        assertNull(Telex.convert("xyzzyw"));
        assertNull(Telex.convert("sql"));
    }

    @Test
    void repairsAQueryOnlyWhereTheResultIsAKnownWord() {
        assertEquals("chuyển đổi số cho người dân",
                Telex.repair("chuyeenr ddooir soos cho nguwowif dân", EXACT::contains, FOLDED::contains));
        // "sos" is a known plain word, "tables" converts to nothing known: both stay
        assertEquals("sos tables", Telex.repair("sos tables", EXACT::contains, FOLDED::contains));
    }
}

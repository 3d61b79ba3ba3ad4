package vn.hoidap.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyllablesTest {

    @Test
    void recognisesWrittenSyllables() {
        for (String s : new String[] {"chuyển", "nghiệp", "đổi", "quốc", "khuyến", "giáo", "a", "ương"}) {
            assertTrue(Syllables.isValid(s), s);
        }
    }

    @Test
    void rejectsWhatNoSyllableLooksLike() {
        for (String s : new String[] {"strén", "c", "xyz", "TT&TT", "2022", ""}) {
            assertFalse(Syllables.isValid(s), s);
        }
    }
}

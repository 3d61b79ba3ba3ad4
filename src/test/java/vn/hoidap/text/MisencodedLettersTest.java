package vn.hoidap.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MisencodedLettersTest {

    @Test
    void aForeignLetterTakesTheDocumentsOwnSpellingOfTheWord() {
        List<String> lines = List.of("Đường Nam KǶ Khởi Nghĩa, thành phố Vǜng Tàu.", "Kỳ họp thứ hai tại Vũng Tàu.");
        assertEquals("Đường Nam Kỳ Khởi Nghĩa, thành phố Vũng Tàu.", MisencodedLetters.repair(lines).get(0));
    }

    @Test
    void withoutTheWordElsewhereOnlyTheMarkVietnameseDoesNotWriteIsDropped() {
        assertEquals(List.of("Vùng đất"), MisencodedLetters.repair(List.of("Vǜng đất")));
    }

    @Test
    void vietnameseLettersAreNeverForeign() {
        for (char c : "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƠƯ".toCharArray()) {
            assertFalse(MisencodedLetters.isForeign(c), String.valueOf(c));
        }
        assertTrue(MisencodedLetters.isForeign('Ƕ'));
        assertTrue(MisencodedLetters.isForeign('ǜ'));
        List<String> clean = List.of("Sở Thông tin và Truyền thông");
        assertEquals(clean, MisencodedLetters.repair(clean));
    }
}

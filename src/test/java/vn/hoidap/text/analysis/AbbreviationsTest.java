package vn.hoidap.text.analysis;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbbreviationsTest {

    private final Abbreviations abbreviations = Abbreviations.load(Path.of("corpus/abbreviations.txt"));

    @Test
    void loadsTheCommittedList() {
        assertTrue(abbreviations.size() >= 30, "abbreviations loaded: " + abbreviations.size());
        assertEquals("công nghệ thông tin", abbreviations.expansionOf("cntt"));
        assertEquals("chuyển đổi số", abbreviations.expansionOf("cds"));
        assertEquals("lao động thương binh và xã hội", abbreviations.expansionOf("LĐ-TB&XH"));
        assertEquals("lao động thương binh và xã hội", abbreviations.expansionOf("ldtbxh"));
        assertEquals("thông tin và truyền thông", abbreviations.expansionOf("tt&tt"));
        assertEquals("khóa học trực tuyến mở đại trà", abbreviations.expansionOf("MOOCs"));
    }

    @Test
    void expandsInPlaceKeepingTheAbbreviation() {
        assertEquals("Sở TT&TT thông tin và truyền thông ; UBND ủy ban nhân dân  tỉnh",
                abbreviations.expand("Sở TT&TT; UBND tỉnh"));
        assertEquals("ung dung cntt công nghệ thông tin ", abbreviations.expand("ung dung cntt"));
    }

    @Test
    void capitalsOnlyFormsLeaveTheQuestionWordAlone() {
        assertEquals("ai chịu trách nhiệm", abbreviations.expand("ai chịu trách nhiệm"));
        assertEquals("ứng dụng AI trí tuệ nhân tạo ", abbreviations.expand("ứng dụng AI"));
    }

    @Test
    void leavesDocumentNumbersWhole() {
        assertEquals("Quyết định 146/QĐ-TTg", abbreviations.expand("Quyết định 146/QĐ-TTg"));
        assertNull(abbreviations.expansionOf("tinh"));
    }
}

package vn.hoidap.search;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Section;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageChunkerTest {

    private static final String TEXT = """
            KẾ HOẠCH
            Triển khai thực hiện Đề án trên địa bàn tỉnh
            II..  MMỤỤCC  ĐĐÍÍCCHH,,  YYÊÊUU  CCẦẦUU
            1. Mục đích
            Cụ thể hóa các nhiệm vụ của Đề án.
            II. NHIỆM VỤ
            1. Nhóm nhiệm vụ nâng cao nhận thức
            1.1. Xây dựng chiến dịch truyền thông
            Đơn vị chủ trì: Sở Thông tin và Truyền thông.
            a) Tổ chức hội thi
            Hằng năm.
            """;

    @Test
    void cutsRawTextUnderTheNearestHeadingWithPathAnchorAndBreadcrumb() {
        List<PassageChunker.Passage> passages = PassageChunker.fromText(TEXT);
        assertEquals(List.of("0", "I", "I.1", "II", "II.1", "II.1.1", "II.1.1.a"),
                passages.stream().map(PassageChunker.Passage::path).toList());
        PassageChunker.Passage task = passages.get(5);
        assertEquals("II. NHIỆM VỤ › 1. Nhóm nhiệm vụ nâng cao nhận thức › 1.1. Xây dựng chiến dịch truyền thông",
                task.title());
        assertEquals("s-ii-1-1", task.anchor());
        assertTrue(task.text().contains("Sở Thông tin và Truyền thông"), task.text());
        // the doubled PDF heading is read as "I. MỤC ĐÍCH, YÊU CẦU"
        assertEquals("I. MỤC ĐÍCH, YÊU CẦU", passages.get(1).title());
        assertTrue(TEXT.substring(task.start(), task.end()).contains("1.1. Xây dựng"));
    }

    @Test
    void undoublesOnlyLinesWithTwoDoubledWords() {
        assertEquals("MỤC ĐÍCH", PassageChunker.undouble("MMỤỤCC  ĐĐÍÍCCHH"));
        assertEquals("Sở TT&TT", PassageChunker.undouble("Sở TT&TT"));
        assertEquals("HHCC là mã", PassageChunker.undouble("HHCC là mã"));
    }

    @Test
    void usesTheOutlineWhenThePlanHasOne() {
        Section child = new Section("II.1", "s-ii-1", "1. Nhóm nhiệm vụ", "Nội dung nhóm một.", List.of());
        Section root = new Section("II", "s-ii", "II. NHIỆM VỤ", "", List.of(child));
        List<PassageChunker.Passage> passages = PassageChunker.fromOutline(List.of(root), "Nội dung nhóm một.");
        assertEquals(1, passages.size());
        assertEquals("II.1", passages.get(0).path());
        assertEquals("s-ii-1", passages.get(0).anchor());
        assertEquals("II. NHIỆM VỤ › 1. Nhóm nhiệm vụ", passages.get(0).title());
    }

    @Test
    void splitsLongSectionsIntoPiecesOfAFewHundredCharacters() {
        String para = "Câu văn dài về chuyển đổi số của tỉnh. ".repeat(10);
        List<String> pieces = PassageChunker.split((para + "\n").repeat(6));
        assertTrue(pieces.size() >= 3, "pieces: " + pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.length() <= 1400));
    }
}

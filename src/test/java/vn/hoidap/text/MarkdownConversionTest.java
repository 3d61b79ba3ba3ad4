package vn.hoidap.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownConversionTest {

    @Test
    void headingsWrappedInsideBoldMarksBecomeOneLine() {
        RepairedText r = TextRepair.repair("""
                **I. MỤC
                ĐÍCH, YÊU CẦU**

                **1. Mục đích**

                a) Thúc đẩy mạnh mẽ chuyển đổi
                số toàn diện *(DN)*.

                # II. NHIỆM VỤ
                """);
        assertEquals(List.of("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Thúc đẩy mạnh mẽ chuyển đổi số toàn diện (DN).",
                "II. NHIỆM VỤ"), List.of(r.content().split("\n")));
    }

    @Test
    void aFlattenedDataTableComesBackOneRowPerLine() {
        List<String> lines = MarkdownConversion.normalize(List.of("|", "**STT**", "|", "**Tên nhiệm vụ**", "|",
                "**Cơ quan chủ trì**", "|", "|", "1", "|", "Triển khai nền tảng", "đào tạo", "|", "Sở KH&CN", "|", "|",
                "2", "|", "Đánh giá", "|", "** **", "|", "", "Sau bảng."));
        assertEquals(List.of("", "| STT | Tên nhiệm vụ | Cơ quan chủ trì |", "| 1 | Triển khai nền tảng đào tạo | Sở KH&CN |",
                "| 2 | Đánh giá |  |", "", "", "Sau bảng."), lines);
    }

    @Test
    void aLayoutTableGivesItsCellsAsParagraphsSoTheSignerIsFound() {
        RepairedText r = TextRepair.repair("""
                **I. NHIỆM VỤ**

                Nội dung kế hoạch.

                |
                *Nơi nhận:*
                - Bộ Khoa học và Công nghệ;
                - Lưu: VT.
                |
                **TM. ỦY BAN NHÂN
                DÂN**
                KT. CHỦ TỊCH
                **PHÓ CHỦ TỊCH**
                **Huỳnh Minh Tuấn**
                |

                """);
        assertEquals("Huỳnh Minh Tuấn", r.signer());
        assertEquals(List.of("Bộ Khoa học và Công nghệ", "Lưu: VT"), r.recipients());
        assertFalse(r.content().contains("Huỳnh"), r.content());
    }

    @Test
    void plainPdfTextIsNotTakenForAConversion() {
        assertFalse(MarkdownConversion.looksConverted(List.of("I. MỤC TIÊU", "1. Mục tiêu chung", "- Nâng cao | nhận thức")));
        assertTrue(MarkdownConversion.looksConverted(List.of("|", "a", "|", "b", "|", "|")));
    }

    @Test
    void cellsOfARowLine() {
        assertEquals(List.of("1.1", "Rà soát", "", "Sở Tư pháp"), MarkdownConversion.cells("| 1.1 | Rà soát |  | Sở Tư pháp |"));
        assertEquals(List.of(), MarkdownConversion.cells("không phải một dòng bảng"));
    }
}

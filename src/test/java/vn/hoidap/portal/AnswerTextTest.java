package vn.hoidap.portal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistant's plain-text answers as paragraphs and real lists, and the short lead shown before the fold. */
class AnswerTextTest {

    @Test
    void bulletLinesBecomeOneListBetweenParagraphs() {
        List<AnswerText.Block> blocks = AnswerText.blocks("""
                Sở Nội vụ chủ trì:
                • Đào tạo kỹ năng số cho công chức
                - Tập huấn chuyển đổi số
                * Biểu dương, khen thưởng
                Nguồn: Kế hoạch 53/KH-UBND.""");
        assertEquals(3, blocks.size(), blocks.toString());
        assertEquals("Sở Nội vụ chủ trì:", blocks.get(0).text());
        assertTrue(blocks.get(1).isList());
        assertFalse(blocks.get(1).ordered());
        assertEquals(List.of("Đào tạo kỹ năng số cho công chức", "Tập huấn chuyển đổi số", "Biểu dương, khen thưởng"),
                blocks.get(1).items().stream().map(AnswerText.Item::text).toList(), "the bullet characters are gone");
        assertEquals("Nguồn: Kế hoạch 53/KH-UBND.", blocks.get(2).text());
    }

    @Test
    void numberedLinesAreAnOrderedListAndIndentedLinesNestUnderTheirItem() {
        List<AnswerText.Block> blocks = AnswerText.blocks("""
                1. Xây dựng nền tảng
                   - Trung tâm dữ liệu
                   - Cổng dịch vụ công
                2) Phát triển nhân lực
                  … và 3 nhiệm vụ khác.""");
        assertEquals(1, blocks.size(), blocks.toString());
        AnswerText.Block list = blocks.get(0);
        assertTrue(list.isList() && list.ordered());
        assertEquals(2, list.items().size());
        assertEquals("Xây dựng nền tảng", list.items().get(0).text());
        assertEquals(List.of("Trung tâm dữ liệu", "Cổng dịch vụ công"), list.items().get(0).children());
        assertEquals(List.of("… và 3 nhiệm vụ khác."), list.items().get(1).children(), "a continuation line stays with its item");
    }

    @Test
    void aYearOrANumberInsideASentenceIsNotAListItem() {
        List<AnswerText.Block> blocks = AnswerText.blocks("Năm 2025 có 2 mục tiêu.\r\n\r\n80% hồ sơ trực tuyến.");
        assertEquals(2, blocks.size());
        assertTrue(blocks.stream().noneMatch(AnswerText.Block::isList), blocks.toString());
        assertEquals("80% hồ sơ trực tuyến.", blocks.get(1).text(), "CR and blank lines dropped");
    }

    @Test
    void nothingGivesNoBlocks() {
        assertTrue(AnswerText.blocks(null).isEmpty());
        assertTrue(AnswerText.blocks(" \n\n").isEmpty());
        assertFalse(AnswerText.shape(null).hasMore());
    }

    @Test
    void aShortAnswerIsShownWhole() {
        AnswerText.Shape shape = AnswerText.shape("Có.\n• một\n• hai\n• ba");
        assertFalse(shape.hasMore());
        assertEquals(0, shape.moreCount());
        assertEquals(2, shape.lead().size());
    }

    @Test
    void aLongListLeadsWithItsIntroductionAndFoldsTheRest() {
        StringBuilder text = new StringBuilder("Sở Nội vụ Đồng Nai được giao 8 nhiệm vụ:\n");
        for (int i = 1; i <= 8; i++) {
            text.append("• Nhiệm vụ ").append(i).append('\n');
        }
        text.append("Nguồn: Kế hoạch năm 2022.");
        AnswerText.Shape shape = AnswerText.shape(text.toString());
        assertTrue(shape.hasMore());
        assertEquals(1, shape.lead().size(), "the introduction alone leads");
        assertNull(shape.more().get(0).text());
        assertEquals(8, shape.more().get(0).items().size());
        assertEquals(9, shape.moreCount(), "8 items and the source line are folded");
    }

    @Test
    void anAnswerThatIsAListLeadsWithItsFirstThreeItems() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            text.append(i).append(". Mục ").append(i).append('\n');
        }
        AnswerText.Shape shape = AnswerText.shape(text.toString());
        assertEquals(List.of("Mục 1", "Mục 2", "Mục 3"), shape.lead().get(0).items().stream().map(AnswerText.Item::text).toList());
        assertTrue(shape.lead().get(0).ordered() && shape.more().get(0).ordered(), "both halves stay one numbered list");
        assertEquals(List.of("Mục 4", "Mục 5", "Mục 6", "Mục 7"), shape.more().get(0).items().stream().map(AnswerText.Item::text).toList());
        assertEquals(4, shape.moreCount());
    }

    @Test
    void longProseLeadsWithTwoParagraphs() {
        AnswerText.Shape shape = AnswerText.shape("Một.\nHai.\nBa.\nBốn.\nNăm.\nSáu.");
        assertEquals(List.of("Một.", "Hai."), shape.lead().stream().map(AnswerText.Block::text).toList());
        assertEquals(4, shape.moreCount());
    }
}

package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyllableAlignerTest {

    @Test
    void pairsOcrMangledSyllablesBetweenMatchingOnes() {
        AlignedSample sample = AlignedSample.of("- Pon vi chu tri thuc hién: S& Thong tin va Truyén thong.",
                "- Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông.");
        List<SyllablePair> pairs = sample.pairs();
        assertEquals(12, pairs.size());
        assertEquals(new SyllablePair("pon", "đơn"), pairs.get(0));
        assertEquals(new SyllablePair("s&", "sở"), pairs.get(6));
    }

    @Test
    void leavesOutPassagesTheTwoVersionsWordDifferently() {
        AlignedSample sample = AlignedSample.of(
                "Thoi gian thuc hién: Hang nam. Kinh phi do ngan sach tinh bo tri.",
                "Thời gian thực hiện: Hàng năm. Các cơ quan báo cáo kết quả về Sở.");
        List<String> clean = sample.syllables().stream().map(AlignedSample.AlignedSyllable::clean).toList();
        assertEquals(List.of("Thời", "gian", "thực", "hiện", "Hàng", "năm"), clean);
    }

    @Test
    void alignsMostOfTheIssuedDongNaiPlanWithItsDraft() throws Exception {
        String ocr = java.nio.file.Files.readString(java.nio.file.Path.of("corpus/plans/dong-nai-2022.txt"));
        String draft = java.nio.file.Files.readString(java.nio.file.Path.of("corpus/plans/dong-nai-2022-draft.txt"));
        AlignedSample sample = AlignedSample.of(ocr, draft);
        long words = sample.ocrTokens().stream().filter(p -> p.kind() == Piece.Kind.WORD).count();
        assertTrue(sample.pairs().size() > 0.75 * words, sample.pairs().size() + " of " + words);
    }
}

package vn.hoidap.text.restore;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiacriticRestorerTest {

    private static final Path PLANS = Path.of("corpus/plans");

    private static String binhDinh;
    private static String draft;
    private static String dongNai;

    @BeforeAll
    static void load() throws IOException {
        binhDinh = read("binh-dinh-2022.txt");
        draft = read("dong-nai-2022-draft.txt");
        dongNai = read("dong-nai-2022.txt");
    }

    /** As production trains it: both clean plans, and the OCR channel from the issued Đồng Nai plan. */
    private static DiacriticRestorer production() {
        return DiacriticRestorer.builder().cleanText(binhDinh).cleanText(draft).ocrSample(dongNai, draft).build();
    }

    @Nested
    class RealLinesOfTheIssuedDongNaiPlan {

        private final DiacriticRestorer restorer = production();

        @Test
        void restoresAgencyLinesWithOcrConfusions() {
            assertEquals("Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông",
                    restorer.restoreLine("Pon vi chu tri thuc hién: S& Thong tin va Truyén thong"));
            assertEquals("- Đơn vị chủ trì thực hiện: Sở Nội vụ, Sở Thông tin và Truyền thông.",
                    restorer.restoreLine("- Bon vi cht tri thuc hién: S& N6i vy, S& Thong tin va Truyén thong."));
        }

        @Test
        void restoresTimelines() {
            assertEquals("Thời gian thực hiện: Hàng năm.", restorer.restoreLine("Thoi gian thyc hién: Hang nam."));
        }

        @Test
        void keepsDocumentNumbersAndDatesFixingOnlyTheirLetters() {
            assertEquals("Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ",
                    restorer.restoreLine("Quyét dinh s6 146/QD-TTg ngay 28/01/2022 ciia Thu tuéng Chinh phu"));
        }

        @Test
        void readsLookAlikeDigitsAsSoAfterChuyenDoi() {
            assertEquals("nguồn nhân lực chuyển đổi số quốc gia",
                    restorer.restoreLine("nguon nhan lyc chuyén déi 50 quoc gia"));
        }

        @Test
        void keepsAbbreviationsAndNumbers() {
            assertEquals("80% cơ sở giáo dục các cấp có tổ chức các hoạt động giáo dục STEM/STEAM và kỹ năng số.",
                    restorer.restoreLine("80% co sd gido duc cac cap c6 t6 chuc cac hoat dong gido duc STEM/STEAM va k¥ nang so."));
            assertEquals("UBND tỉnh", restorer.restoreLine("UBND tinh"));
            assertEquals("các QĐ của UBND, CNTT, Sở TT&TT", restorer.restoreLine("cac QD ctia UBND, CNTT, S& TT&TT"));
        }
    }

    @Nested
    class TextShape {

        private final DiacriticRestorer restorer = production();

        @Test
        void keepsLinesSpacingAndPunctuation() {
            String ocr = "II. MUC TIEU\n\n1. Muyc tiéu dén nim 2025\n  - Lanh dao céc cép, (céc nganh);\n";
            String restored = restorer.restore(ocr);
            assertEquals("II. MỤC TIÊU\n\n1. Mục tiêu đến năm 2025\n  - Lãnh đạo các cấp, (các ngành);\n", restored);
            assertEquals(ocr.lines().count(), restorer.restoreLines(ocr).size());
        }

        @Test
        void leavesCleanTextAsItIs() {
            String clean = "Phát triển nguồn nhân lực chuyển đổi số trong từng ngành, từng lĩnh vực.";
            assertEquals(clean, restorer.restore(clean));
        }

        @Test
        void keepsWordsItCannotRestore() {
            assertEquals("", restorer.restore(""));
            assertEquals("xyzzq qwrtp https://dongnai.gov.vn", restorer.restore("xyzzq qwrtp https://dongnai.gov.vn"));
        }
    }

    @Test
    void worksFromCleanTextsAloneWithGenericConfusions() {
        DiacriticRestorer restorer = DiacriticRestorer.train(List.of(binhDinh));
        assertTrue(restorer.vocabularySize() > 300, "vocabulary: " + restorer.vocabularySize());
        assertEquals("Thời gian thực hiện: Hàng năm.", restorer.restoreLine("Thoi gian thuc hien: Hang nam."));
    }

    @Test
    void withoutTrainingTextKeepsEverythingAsWritten() {
        assertEquals("Pon vi chu tri: S& TT&TT\n", DiacriticRestorer.train(List.of()).restore("Pon vi chu tri: S& TT&TT\n"));
    }

    @Test
    void readsDoubledPdfHeadingsInTrainingTextAsTheWordsTheyAre() {
        DiacriticRestorer restorer = DiacriticRestorer.train(List.of("IIII..  MMỤỤCC  TTIIÊÊUU  CCHHUUNNGG"));
        assertEquals("II. MỤC TIÊU CHUNG", restorer.restoreLine("II. MUC TIEU CHUNG"));
    }

    @Test
    void restoresTheThreeOcrPlansWellUnderASecond() throws IOException {
        // CPU time of this thread, not wall time: the build machine is shared and wall time says little.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        DiacriticRestorer restorer = production();
        long t1 = cpu.getCurrentThreadCpuTime();
        List<String> ocr = List.of(dongNai, read("thanh-hoa-2022.txt"), read("binh-phuoc-2022.txt"));
        int chars = 0;
        for (String text : ocr) {
            String restored = restorer.restore(text);
            assertEquals(text.lines().count(), restored.lines().count());
            chars += text.length();
        }
        long t2 = cpu.getCurrentThreadCpuTime();
        for (String text : ocr) {
            restorer.restore(text);
        }
        long t3 = cpu.getCurrentThreadCpuTime();
        System.out.printf("CPU time: training %d ms; restoring %d characters of OCR text %d ms cold, %d ms warm%n",
                (t1 - t0) / 1_000_000, chars, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        assertTrue(t2 - t1 < 1_500_000_000L, "restoring took " + (t2 - t1) / 1_000_000 + " ms of CPU");
    }

    private static String read(String name) throws IOException {
        return Files.readString(PLANS.resolve(name));
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

import java.nio.file.Path;

public class FoldAnalyzerTest extends BaseTokenStreamTestCase {

    private static final Stopwords STOPWORDS = Stopwords.load(Path.of("corpus/stopwords.txt"));

    public void testFoldsEveryVietnameseLetter() throws Exception {
        try (Analyzer a = new FoldAnalyzer(STOPWORDS.folded(), false, false)) {
            assertAnalyzesTo(a, "Đồng Nai: Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo",
                    new String[] {"dong", "nai", "uy", "ban", "nhan", "dan", "tinh", "so", "giao", "duc", "dao",
                            "tao"});
            assertAnalyzesTo(a, "ƯỚC LƯỢNG ỡ ặ ẫ ỵ", new String[] {"uoc", "luong", "o", "a", "a", "y"});
        }
    }

    public void testTypedWithoutDiacriticsMeetsTheWrittenForm() throws Exception {
        try (Analyzer a = new FoldAnalyzer(STOPWORDS.folded(), false, false)) {
            assertAnalyzesTo(a, "ky nang so", new String[] {"ki", "nang", "so"});
            assertAnalyzesTo(a, "kỹ năng số", new String[] {"ki", "nang", "so"});
            assertAnalyzesTo(a, "kĩ năng số", new String[] {"ki", "nang", "so"});
        }
    }

    public void testFoldedBigrams() throws Exception {
        try (Analyzer a = new FoldAnalyzer(STOPWORDS.folded(), true, false)) {
            assertAnalyzesTo(a, "Chuyển đổi số quốc gia",
                    new String[] {"chuyen_doi", "doi_so", "so_quoc", "quoc_gia"});
        }
    }

    public void testOcrDigitRepairOnlyInMixedTokens() throws Exception {
        try (Analyzer ocr = new FoldAnalyzer(STOPWORDS.folded(), false, true);
             Analyzer clean = new FoldAnalyzer(STOPWORDS.folded(), false, false)) {
            assertAnalyzesTo(ocr, "chuyén d6i s6 năm 2025", new String[] {"chuyen", "doi", "so", "nam", "2025"});
            assertAnalyzesTo(clean, "chuyén d6i s6 năm 2025", new String[] {"chuyen", "d6i", "s6", "nam", "2025"});
        }
    }

    public void testEmptyInput() throws Exception {
        try (Analyzer a = new FoldAnalyzer(STOPWORDS.folded(), false, true)) {
            assertAnalyzesTo(a, "", new String[0]);
            assertAnalyzesTo(a, " \t\n ", new String[0]);
        }
    }

    public void testRandomData() throws Exception {
        try (Analyzer a = new FoldAnalyzer(STOPWORDS.folded(), false, true);
             Analyzer b = new FoldAnalyzer(STOPWORDS.folded(), true, false)) {
            checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
            checkRandomData(random(), b, 300 * RANDOM_MULTIPLIER);
        }
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

import java.nio.file.Path;

public class ExactAnalyzerTest extends BaseTokenStreamTestCase {

    private static final Stopwords STOPWORDS = Stopwords.load(Path.of("corpus/stopwords.txt"));

    private static Analyzer unigrams() {
        return new ExactAnalyzer(STOPWORDS.exact(), false);
    }

    private static Analyzer bigrams() {
        return new ExactAnalyzer(STOPWORDS.exact(), true);
    }

    public void testKeepsDiacriticsLowerCasesAndDropsStopwords() throws Exception {
        try (Analyzer a = unigrams()) {
            assertAnalyzesTo(a, "Sở Thông tin và Truyền thông",
                    new String[] {"sở", "thông", "tin", "truyền", "thông"});
        }
    }

    public void testKeepsNegationAndQuestionWords() throws Exception {
        try (Analyzer a = unigrams()) {
            assertAnalyzesTo(a, "Ai chưa được đào tạo, khi nào không có?",
                    new String[] {"ai", "chưa", "đào", "tạo", "khi", "nào", "không", "có"});
        }
    }

    public void testCanonicalisesTonePlacementAndIY() throws Exception {
        try (Analyzer a = unigrams()) {
            assertAnalyzesTo(a, "Tin học hoá, thuỷ lợi, khoẻ, kỹ năng, quản lý, quý, hoàn thành",
                    new String[] {"tin", "học", "hóa", "thủy", "lợi", "khỏe", "kĩ", "năng", "quản", "lí", "quý",
                            "hoàn", "thành"});
            assertAnalyzesTo(a, "Tin học hóa, thủy lợi, khỏe, kĩ năng, quản lí, quý, hoàn thành",
                    new String[] {"tin", "học", "hóa", "thủy", "lợi", "khỏe", "kĩ", "năng", "quản", "lí", "quý",
                            "hoàn", "thành"});
        }
    }

    public void testNormalisesDecomposedInputAndLookAlikeEth() throws Exception {
        try (Analyzer a = unigrams()) {
            assertAnalyzesTo(a, "Chuye\u0302\u0309n \u00D0o\u0302\u0309i so\u0302\u0301",
                    new String[] {"chuyển", "đổi", "số"});
        }
    }

    public void testSyllableBigramsKeepStopwordsSoPairsNeverSkipAWord() throws Exception {
        try (Analyzer a = bigrams()) {
            assertAnalyzesTo(a, "Dịch vụ công trực tuyến của tỉnh",
                    new String[] {"dịch_vụ", "vụ_công", "công_trực", "trực_tuyến", "tuyến_của", "của_tỉnh"});
        }
    }

    public void testEmptyInput() throws Exception {
        try (Analyzer a = unigrams(); Analyzer b = bigrams()) {
            assertAnalyzesTo(a, "", new String[0]);
            assertAnalyzesTo(b, "", new String[0]);
            assertAnalyzesTo(b, "số", new String[0]);
        }
    }

    public void testRandomData() throws Exception {
        try (Analyzer a = unigrams(); Analyzer b = bigrams()) {
            checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
            checkRandomData(random(), b, 300 * RANDOM_MULTIPLIER);
        }
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

public class CharTrigramAnalyzerTest extends BaseTokenStreamTestCase {

    public void testFoldedTrigramsWithWordBoundaries() throws Exception {
        try (Analyzer a = new CharTrigramAnalyzer()) {
            assertAnalyzesTo(a, "Số hóa", new String[] {"_so", "so_", "_ho", "hoa", "oa_"});
            // OCR "s6" meets "số" after the digit repair
            assertAnalyzesTo(a, "s6", new String[] {"_so", "so_"});
        }
    }

    public void testEmptyInput() throws Exception {
        try (Analyzer a = new CharTrigramAnalyzer()) {
            assertAnalyzesTo(a, "", new String[0]);
        }
    }

    public void testRandomData() throws Exception {
        try (Analyzer a = new CharTrigramAnalyzer()) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
        }
    }
}

package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

public class DocumentNumberAnalyzerTest extends BaseTokenStreamTestCase {

    public void testDocumentNumbersAreSingleFoldedKeywords() throws Exception {
        try (Analyzer a = new DocumentNumberAnalyzer()) {
            assertAnalyzesTo(a, "Thực hiện Quyết định số 146/QĐ-TTg ngày 28/01/2022, Kế hoạch 53/KH-UBND",
                    new String[] {"146/qd-ttg", "53/kh-ubnd"});
            assertAnalyzesTo(a, "Nghị định 30/2020/NĐ-CP", new String[] {"30/2020/nd-cp"});
            assertAnalyzesTo(a, "Quyết định 146/QD-TTg", new String[] {"146/qd-ttg"});
        }
    }

    public void testIgnoresTextWithoutNumbers() throws Exception {
        try (Analyzer a = new DocumentNumberAnalyzer()) {
            assertAnalyzesTo(a, "chuyển đổi số 2025", new String[0]);
            assertAnalyzesTo(a, "", new String[0]);
        }
    }

    public void testRandomData() throws Exception {
        try (Analyzer a = new DocumentNumberAnalyzer()) {
            checkRandomData(random(), a, 300 * RANDOM_MULTIPLIER);
        }
    }
}

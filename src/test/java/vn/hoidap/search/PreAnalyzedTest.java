package vn.hoidap.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.analysis.FoldAnalyzer;
import vn.hoidap.text.analysis.Stopwords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index build analyses on other threads and replays the tokens to the writer: for every field, the
 * replay must give the writer what the analyzer gives — terms, positions (stopwords leave gaps, pairs stack),
 * offsets and the end state — or postings and norms, hence every score, would change.
 */
class PreAnalyzedTest {

    private static final Stopwords STOPWORDS = Stopwords.load(Path.of("corpus", "stopwords.txt"));
    private static final List<String> TEXTS = List.of(
            "Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành triển khai nền tảng số.",
            "Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng (Kế hoạch 53/KH-UBND).",
            "Pon vi chu tri: S6 Nội vụ; thdi gian thyc hiện 2022-2025",
            "",
            "   \n");

    @Test
    void everyFieldReplaysWhatItsAnalyzerProduced() throws IOException {
        Analyzer analyzer = Fields.analyzer(STOPWORDS);
        List<String> fields = List.of(Fields.EXACT, Fields.BI, Fields.FOLD, Fields.BIFOLD, Fields.TITLE_BIFOLD,
                Fields.DOCNO, Fields.CHARGRAMS);
        int tokens = 0;
        for (String field : fields) {
            for (String text : TEXTS) {
                List<String> direct = tokens(analyzer.tokenStream(field, text));
                List<String> replayed = tokens(PreAnalyzed.of(analyzer, field, text).stream());
                assertEquals(direct, replayed, field + " of «" + text + "»");
                tokens += direct.size();
            }
        }
        try (Analyzer ocr = new FoldAnalyzer(STOPWORDS.folded(), false, true)) {
            for (String text : TEXTS) {
                assertEquals(tokens(ocr.tokenStream(Fields.FOLD, text)),
                        tokens(PreAnalyzed.of(ocr, Fields.FOLD, text).stream()));
            }
        }
        assertTrue(tokens > 100, "the texts gave tokens to compare: " + tokens);
    }

    @Test
    void aReplayedStreamCanBeReadAgainAfterReset() throws IOException {
        Analyzer analyzer = Fields.analyzer(STOPWORDS);
        PreAnalyzed kept = PreAnalyzed.of(analyzer, Fields.BIFOLD, TEXTS.get(0));
        TokenStream ts = kept.stream();
        assertEquals(tokens(ts), tokens(ts));
        assertTrue(kept.size() > 3);
    }

    /** Each token as "term@increment/length[start,end)", then the end state. */
    private static List<String> tokens(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term + "@" + inc.getPositionIncrement() + "/" + len.getPositionLength()
                    + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
        }
        ts.end();
        out.add("end@" + inc.getPositionIncrement() + "[" + offset.endOffset() + ")");
        ts.close();
        return out;
    }
}

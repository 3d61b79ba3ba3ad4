package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineParserTest {

    @Test
    void annualInCleanAndOcrSpelling() {
        assertTrue(TimelineParser.parse("Hàng năm.").annual());
        assertTrue(TimelineParser.parse("hằng năm").annual());
        assertTrue(TimelineParser.parse("Hang ndm.").annual());
        assertTrue(TimelineParser.parse("01 chiến dịch/năm; thực hiện hàng năm.").annual());
        assertFalse(TimelineParser.parse("2022-2025").annual());
    }

    @Test
    void yearRangesAndSingleYears() {
        Timeline range = TimelineParser.parse("2022-2025");
        assertEquals(2022, range.fromYear());
        assertEquals(2025, range.toYear());
        Timeline year = TimelineParser.parse("Năm 2022");
        assertEquals(2022, year.fromYear());
        assertEquals(2022, year.toYear());
        Timeline ocr = TimelineParser.parse("2029-2025");
        assertNull(ocr.fromYear(), "a start after the end is an OCR slip");
        assertEquals(2025, ocr.toYear());
    }

    @Test
    void quarters() {
        Timeline q = TimelineParser.parse("Quý IV/2023");
        assertEquals(4, q.quarter());
        assertEquals(2023, q.toYear());
        assertEquals(4, TimelineParser.parse("quy 1V/2023").quarter());
    }

    @Test
    void conditionsAndOtherBodiesPlans() {
        Timeline c = TimelineParser.parse("khi có hướng dẫn của cấp Bộ, ngành Trung ương.");
        assertEquals("khi có hướng dẫn của cấp Bộ, ngành Trung ương", c.condition());
        assertNull(c.fromYear());
        assertEquals("khi c6 huéng dan cia cap B, nganh Trung vong",
                TimelineParser.parse("khi c6 huéng dan cia cap B, nganh Trung vong.").condition());
        Timeline p = TimelineParser.parse("Theo kế hoạch của Bộ Thông tin và Truyền thông.");
        assertEquals("Theo kế hoạch của Bộ Thông tin và Truyền thông", p.condition());
        assertFalse(p.annual());
    }

    @Test
    void emptyIsUnknown() {
        Timeline t = TimelineParser.parse(null);
        assertNull(t.fromYear());
        assertNull(t.condition());
        assertFalse(t.annual());
    }
}

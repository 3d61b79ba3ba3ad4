package vn.hoidap.corpus.extract;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Section;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hoidap.corpus.extract.CorpusFixtures.outline;
import static vn.hoidap.corpus.extract.CorpusFixtures.paths;
import static vn.hoidap.corpus.extract.CorpusFixtures.section;

class OutlineParserTest {

    @Test
    void numberedTasksHangUnderTheirRomanSection() {
        List<Section> bd = outline("binh-dinh-2022");
        assertEquals(List.of("I", "II", "III", "IV"), bd.stream().map(Section::path).toList());
        Section task = section(bd, "II.1.1");
        assertEquals("s-ii-1-1", task.anchor());
        assertTrue(task.heading().startsWith("1.1. Xây dựng chiến dịch truyền thông về chuyển đổi số trên các "
                + "phương tiện thông tin đại chúng"), task.heading());
        assertTrue(task.text().contains("- Đơn vị chủ trì thực hiện: Các sở, cơ quan thuộc UBND tỉnh"));
        assertEquals("II. TRIỂN KHAI CÁC NHIỆM VỤ CỤ THỂ CỦA ĐỀ ÁN", section(bd, "II").heading());
        assertEquals(List.of("II.3.1", "II.3.2", "II.3.3", "II.3.4"),
                section(bd, "II.3").children().stream().map(Section::path).toList());
    }

    @Test
    void ocrLetterVariantsFollowTheVietnameseAlphabet() {
        List<Section> dn = outline("dong-nai-2022");
        // "@)" is a), the second "d)" is đ), ")" with its letter lost is c)
        assertTrue(section(dn, "III.1.a").heading().startsWith("a) Xay dfmg va ban hanh co ché"));
        assertTrue(section(dn, "III.1.c").heading().startsWith("c) Van dpng xay du'ng quy hoc bong"));
        assertTrue(section(dn, "III.2.đ").heading().startsWith("đ) Cung"));
        assertTrue(section(dn, "III.2.d").heading().startsWith("d) To chirc cdc hoi nghi"));
        assertTrue(section(dn, "III.3.c").heading().startsWith("c) Phéi hop xiy dung"));
        assertEquals(List.of("III.4.a", "III.4.b", "III.4.c", "III.4.d", "III.4.đ"),
                section(dn, "III.4").children().stream().map(Section::path).toList());
        assertEquals("I", section(dn, "III").path().substring(0, 1));
    }

    @Test
    void partsPrefixTheirSectionsAndTheAppendixIsPl() {
        List<Section> bp = outline("binh-phuoc-2022");
        assertEquals(List.of("I", "II", "III", "IV", "V", "PL"), bp.stream().map(Section::path).toList());
        assertTrue(section(bp, "IV").heading().startsWith("Phần IV NHIEM VU VA GIAI PHAP"));
        assertTrue(section(bp, "IV.I.1.a").heading().startsWith("a) Xay dung cac chuong trinh truyén thdng"));
        assertTrue(section(bp, "IV.I.1.đ").heading().startsWith("đ) Biéu duong"));
        // the appendix table: groups and rows are sections too
        assertTrue(section(bp, "PL.I").heading().startsWith("I. X4y dung co ché, chinh sich"), section(bp, "PL.I").heading());
        assertTrue(section(bp, "PL.I.1").heading().startsWith("1. Xay dung, cap nhat va ban hanh co ché"));
        assertEquals("s-pl-i-1", section(bp, "PL.I.1").anchor());
        assertTrue(section(bp, "PL").text().contains("Stt | Nhiém vu, gidi phap"), "the table header stays with PL");
        // OCR's "Phan |" and "Phan 111" are Phần I and Phần III
        assertTrue(section(bp, "I").heading().contains("SU CAN THIET"));
        assertTrue(section(bp, "III").heading().contains("QUAN PIEM"));
    }

    @Test
    void thanhHoaKeepsItsNumberedGroupsAndSkipsFAfterE() {
        List<Section> th = outline("thanh-hoa-2022");
        List<String> paths = paths(th);
        assertTrue(paths.containsAll(List.of("III.1.1.a", "III.1.1.đ", "III.1.1.e", "III.1.1.f", "III.1.1.i",
                "III.1.3.f", "V.6.c", "PL")), paths.toString());
        assertFalse(paths.contains("III.1.1.g-2"), paths.toString());
    }

    @Test
    void cleanDraftAndIssuedPlanShareTheirTopLevelOutline() {
        assertEquals(outline("dong-nai-2022-draft").stream().map(Section::path).toList(),
                outline("dong-nai-2022").stream().map(Section::path).toList());
    }

    @Test
    void headingsOfAnyKindAreRecognised() {
        List<Section> o = OutlineParser.parse(String.join("\n",
                "Phan |", "SU CAN THIET", "I11. NHIEM VU", "1. Nhóm", "1.1. Việc", "@) một", "b) hai", "¢) ba", "Văn bản.",
                "1V. KINH PHI", "PHU LUC", "Phân công thực hiện", "TT Nhiệm vụ", "1 | Xây dựng"));
        assertEquals(List.of("I", "I.III", "I.III.1", "I.III.1.1", "I.III.1.1.a", "I.III.1.1.b", "I.III.1.1.c", "I.IV",
                "PL"), paths(o));
        assertEquals("Văn bản.", section(o, "I.III.1.1.c").text());
        assertEquals("c) ba", section(o, "I.III.1.1.c").heading());
        assertEquals("Phụ lục Phân công thực hiện", section(o, "PL").heading());
        assertEquals("TT Nhiệm vụ\n1 | Xây dựng", section(o, "PL").text(), "no table groups: the text stays whole");
    }

    @Test
    void structureFromTheRepairedTextAndWordsFromTheRestoredOne() {
        String ocr = String.join("\n", "I11. NHIEM VU VA GIAI PHAP THUC HIEN", "@) Xay dfmg va ban hanh co ché",
                "- Pon vi chu tri thyc hién: S¢ Théng tin va Truyén thong.");
        // a restorer may touch the markers ("III." → "II.", "@)" → "Ở)"); the parser must not depend on them
        String restored = String.join("\n", "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", "Ở) Xây dựng và ban hành cơ chế",
                "- Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông.");
        List<Section> o = OutlineParser.parse(ocr, restored);
        assertEquals(List.of("III", "III.a"), paths(o));
        assertEquals("III. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", section(o, "III").heading());
        assertEquals("a) Xây dựng và ban hành cơ chế", section(o, "III.a").heading());
        assertEquals("- Đơn vị chủ trì thực hiện: Sở Thông tin và Truyền thông.", section(o, "III.a").text());
        // lines that no longer correspond: the repaired text is shown
        assertEquals("a) Xay dfmg va ban hanh co ché",
                section(OutlineParser.parse(ocr, "một dòng"), "III.a").heading());
    }

    @Test
    void letterOrderResolvesOcrSlips() {
        assertEquals("a", LetterOrder.resolve("@", null));
        assertEquals("c", LetterOrder.resolve("¢", "b"));
        assertEquals("đ", LetterOrder.resolve("d", "d"));
        assertEquals("c", LetterOrder.resolve("", "b"));
        assertEquals("f", LetterOrder.resolve("f", "e"));
        assertEquals("g", LetterOrder.resolve("g", "e"));
        assertEquals("a", LetterOrder.resolve("a", "e"), "a new list starts again at a");
    }
}

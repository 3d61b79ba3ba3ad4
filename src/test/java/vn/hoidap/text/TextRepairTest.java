package vn.hoidap.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixtures are lines copied from corpus/plans/*.txt. */
class TextRepairTest {

    private static List<String> lines(String raw) {
        return List.of(TextRepair.repair(raw).content().split("\n"));
    }

    // --- Characters ---
    @Test
    void normalizesToNfcAndMapsTheLookAlikeEth() {
        String nfd = Normalizer.normalize("Sở Thông tin và Truyền thông", Normalizer.Form.NFD);
        assertEquals("Sở Thông tin và Truyền thông tỉnh Đồng Nai",
                TextRepair.repair(nfd + " tỉnh Ðồng Nai").content());
    }

    @Test
    void undoesDoubledBoldLettersOfHeadings() {
        assertEquals("II. TRIỂN KHAI CÁC NHIỆM VỤ CỤ THỂ CỦA ĐỀ ÁN", TextRepair.repair(
                "IIII..  TTRRIIỂỂNN  KKHHAAII  CCÁÁCC  NNHHIIỆỆMM  VVỤỤ  CCỤỤ  TTHHỂỂ  CCỦỦAA  ĐĐỀỀ  ÁÁNN  ").content());
        assertEquals("I. MỤC ĐÍCH, YÊU CẦU",
                TextRepair.repair("II..  MMỤỤCC  ĐĐÍÍCCHH,,  YYÊÊUU  CCẦẦUU  ").content());
        assertEquals("IV. TỔ CHỨC THỰC HIỆN", TextRepair.repair("IIVV..  TTỔỔ  CCHHỨỨCC  TTHHỰỰCC  HHIIỆỆNN  ").content());
    }

    @Test
    void leavesGenuineDoubledLettersAlone() {
        assertEquals("- TT Tỉnh ủy, TT HĐND tỉnh;", DoubledLetters.undouble("- TT Tỉnh ủy, TT HĐND tỉnh;"));
        assertEquals("- Bộ TT&TT;", DoubledLetters.undouble("- Bộ TT&TT;"));
        // one doubled-looking token alone is not enough evidence
        assertEquals("theo Quyết định số 146/QĐ-TTg AAAA", DoubledLetters.undouble("theo Quyết định số 146/QĐ-TTg AAAA"));
    }

    @Test
    void rejoinsASyllableSplitByTheExtractor() {
        assertEquals("biểu trưng nhận diện thông điệp tuyên truyền về chuyển đổi số", TextRepair.repair(
                "biểu trưng nhận diện thông điệp tuyên truyền về c huyển đổi số ").content());
    }

    @Test
    void doesNotGlueAnOcrFragmentIntoANonSyllable() {
        // "s" is an OCR remnant of "số"; "strén" is no syllable, so nothing is joined
        assertEquals("chuyén doi s trén cac phuong tién",
                TextRepair.joinSplitSyllables("chuyén doi s trén cac phuong tién"));
    }

    // --- Paragraphs ---
    @Test
    void joinsHardWrappedLinesAndKeepsBulletsApart() {
        String raw = """
                1.1. Xây dựng chiến dịch truyền thông về chuyển đổi số trên các phương\s

                tiện thông tin đại chúng, mạng xã hội, trên các Cổng/trang thông tin điện tử của\s

                các cơ quan, đơn vị\s

                - Đơn vị chủ trì thực hiện: Các sở, cơ quan thuộc UBND tỉnh; UBND các\s

                huyện, thị xã, thành phố.\s
                 - Đơn vị phối hợp: Báo Bình Định, Đài Phát thanh - Truyền hình tỉnh.\s

                - Thời gian thực hiện: 01 chiến dịch/năm; thực hiện hàng năm.\s
                """;
        assertEquals(List.of(
                "1.1. Xây dựng chiến dịch truyền thông về chuyển đổi số trên các phương tiện thông tin đại chúng, "
                        + "mạng xã hội, trên các Cổng/trang thông tin điện tử của các cơ quan, đơn vị",
                "- Đơn vị chủ trì thực hiện: Các sở, cơ quan thuộc UBND tỉnh; UBND các huyện, thị xã, thành phố.",
                "- Đơn vị phối hợp: Báo Bình Định, Đài Phát thanh - Truyền hình tỉnh.",
                "- Thời gian thực hiện: 01 chiến dịch/năm; thực hiện hàng năm."), lines(raw));
    }

    @Test
    void aShortHeadingLineEndsBeforeTheCapitalisedBody() {
        String raw = """
                Truyền thông tại Tờ trình số 22/TTr-STTTT, UBND tỉnh ban hành Kế hoạch triển\s

                khai thực hiện Đề án “Nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn\s

                1.2. Xây dựng các chuyên mục, chuyên trang về chuyển đổi số\s

                Xây dựng, thiết lập và duy trì thường xuyên các chuyên mục, chuyên trang về\s

                chuyển đổi số; đưa tin, bài về chuyển đổi số trên hệ thống báo chí, báo điện tử, các\s

                diễn đàn trực tuyến.\s
                """;
        List<String> out = lines(raw);
        assertEquals("1.2. Xây dựng các chuyên mục, chuyên trang về chuyển đổi số", out.get(1));
        assertEquals("Xây dựng, thiết lập và duy trì thường xuyên các chuyên mục, chuyên trang về chuyển đổi số; "
                + "đưa tin, bài về chuyển đổi số trên hệ thống báo chí, báo điện tử, các diễn đàn trực tuyến.", out.get(2));
    }

    @Test
    void dropsPageNumbersBetweenTheHalvesOfAParagraph() {
        String raw = """
                Phéi hq'p Yéri Cuc Tin hoc hoa - B Thong tin va Truyén thong hudng dan
                cac dia phuong t6 chirc pho cép k§ ning so cho nguoi dan qua Neén tang hoc tryc
                tuyén mo dai tra (MOOCs), dao tao theo hudng ca nhéan héa va phat trien k§ ning



                6

                s6 cho nguoi dan théng qua viéc tuyen truyén, hucmg dan st dung cac dich vu 56
                """;
        List<String> out = lines(raw);
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).contains("phat trien k§ ning s6 cho nguoi dan"), out.get(0));
    }

    @Test
    void movesFootnoteBodiesOutOfTheSentenceToTheEndOfTheBody() {
        String raw = """
                a) Xay dung ké hoach thong tin, tuyén truyén thong qua cac hinh thic
                tuyén truyén sinh dong, hiéu qua; nhét 13 trén moi truong s6, dé cac co quan,

                1 STEM 1a mot cach td chie chuong trinh giang day thuc té trong d6 c6 tich hop: Science: Khoa hoc;
                Technology: Cong ngh¢; Engineering: Ky thuat; Math: Toan hoc.

                2 STEAM 1a mot cach td chuc chuong trinh giang day thuc té trong dé cé tich hop: Science: Khoa hoc;
                Technology: Cong nghé; Engineering: K¥ thuat; Art: Nghé thuat; Math: Toan hoc.



                4

                doanh nghiép, can bd, cong chirc, vién chirc, nguoi lao dong va nhan dan trong
                """;
        List<String> out = lines(raw);
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).contains("nhét 13 trén moi truong s6, dé cac co quan, doanh nghiép"), out.get(0));
        assertTrue(out.get(1).startsWith("(Chú thích 1) STEM 1a mot cach"), out.get(1));
        assertTrue(out.get(1).endsWith("Math: Toan hoc."), out.get(1));
        assertTrue(out.get(2).startsWith("(Chú thích 2) STEAM"), out.get(2));
    }

    // --- EndMatter ---
    private static final String BINH_DINH_TAIL = """
            Truyền thông có trách nhiệm kịp thời báo cáo, đề xuất UBND tỉnh xem xét, chỉ\s

            đạo./.\s
            \s

                Nơi nhận:\s
            - Bộ Thông tin và Truyền thông;\s

            - TT Tỉnh ủy, TT HĐND tỉnh;\s

            - Các sở, ban, ngành;\s

            - Lưu: VT, K9.\s
            \s

            KT. CHỦ TỊCH\s

            PHÓ CHỦ TỊCH\s

            \s

            Lâm Hải Giang\s


            \t\tBAN CƠ YẾU CHÍNH PHỦ - ĐT: 0243.7738668; Fax: 0243.7738668; Email: ca@bcy.gov.vn
            \t2022-04-28T16:44:29+0700
            \tPHIÊN BẢN THỬ NGHIỆM
            \tCù Thị Ngọc Phương<cuthingocphuong-binhdinh@chinhphu.vn> đã ký lên văn bản này!


            \t\tVăn phòng UBND tỉnh Bình Định - Phone: 0256. 3822294; 08056011 - Fax: 0256. 3822057 - Email: vpubbinhdinh@vpub.binhdinh.gov.vn
            \t2022-05-04T15:30:20+0700
            \tUBND TỈNH BÌNH ĐỊNH
            \tỦy ban Nhân dân tỉnh Bình Định<binhdinh@chinhphu.vn> đã ký lên văn bản này!
            """;

    @Test
    void movesSignatureStampsAndRecipientsOutOfTheContent() {
        RepairedText r = TextRepair.repair(BINH_DINH_TAIL);
        assertEquals("Truyền thông có trách nhiệm kịp thời báo cáo, đề xuất UBND tỉnh xem xét, chỉ đạo./.", r.content());
        assertEquals("Lâm Hải Giang", r.signer());
        assertEquals(List.of("Bộ Thông tin và Truyền thông", "TT Tỉnh ủy, TT HĐND tỉnh", "Các sở, ban, ngành",
                "Lưu: VT, K9"), r.recipients());
        assertTrue(r.signatureLines().contains("UBND TỈNH BÌNH ĐỊNH"), r.signatureLines().toString());
        assertTrue(r.signatureLines().contains(
                "Ủy ban Nhân dân tỉnh Bình Định<binhdinh@chinhphu.vn> đã ký lên văn bản này!"));
        assertTrue(r.signatureLines().contains("2022-04-28T16:44:29+0700"));
        assertEquals(8, r.signatureLines().size(), r.signatureLines().toString());
    }

    @Test
    void separatesTheSignerTitleThatOcrPutIntoTheRecipientColumn() {
        RepairedText r = TextRepair.repair("""
                dia phuong kip thoi phan 4nh vé S& Thong tin va Truyén thong dé tong hop, bao
                cdo, dé xuat UBND tinh xem xét, giai quyét./.

                Noi nhin: TM. UY BAN NHAN D%N
                - BO Thong tin va Truyén thong; KT CHU TICH
                - TT Tinh dy, TT HDND tinh; B
                - TT. UBMTTQVN tinh;
                - Luu: VT, KGVX.
                 Nguyén Son Hung
                """);
        assertEquals("Nguyén Son Hung", r.signer());
        assertEquals(List.of("BO Thong tin va Truyén thong", "TT Tinh dy, TT HDND tinh", "TT. UBMTTQVN tinh",
                "Luu: VT, KGVX"), r.recipients());
        assertFalse(r.content().contains("Noi nhin"));
    }

    @Test
    void keepsTheAppendixThatFollowsTheSignatureLineByLine() {
        RepairedText r = TextRepair.repair("""
                Noi nhin:

                - Vin phong Chinh phu (dé b/c);
                - Luu: VT, CNTT.

                Mai Xuan Liém



                PHU LUC
                Phén cong thwe hién cic nhiém vu “Nang cao nhén thirc, pho cip k¥ ning va phat trién ngudn nhan luc chuyén doi

                s6 qudc gia dén nim 2025, dinh hwéng dén nim 2030” trén dia ban tinh Thanh Hoa.

                TT Nhiém vu Don vi chu tri Pon vi phoi hop Thoi gian
                11
                """);
        assertEquals("Mai Xuan Liém", r.signer());
        List<String> out = List.of(r.content().split("\n"));
        assertEquals("PHU LUC", out.get(0));
        assertEquals(5, out.size(), out.toString());
        assertEquals("11", out.get(4), "row numbers of the appendix table are not page numbers");
    }
}

package vn.hoidap.corpus;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyDirectoryTest {

    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Path.of("corpus/agencies.yaml"));

    private static String idOf(String mention) {
        return AGENCIES.resolve(mention).map(Agency::id).orElse(null);
    }

    @Nested
    class Resolve {

        @ParameterizedTest
        @ValueSource(strings = {
                "Sở Thông tin và Truyền thông", "Sở Thông tin & Truyền thông", "So TT&TT", "sở tttt", "STTTT",
                "so thong tin va truyen thong", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở TT & TT",
                // OCR lines of the issued Đồng Nai and Thanh Hóa plans, as received
                "S& Thong tin va Truyén thong", "S¢ Théng tin va Truyén thong", "S6 Thong tin va Truyén thong",
                "SO Thong tin va Truyén thong", "So TT&TT", "S¢ Thong tin va Truyen thong", "Sé Thong tin va Truyén théng"})
        void foldsAbbreviatesAndRepairsSoTTTT(String mention) {
            assertEquals("so-tttt", idOf(mention), mention);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sở LĐ-TB&XH", "So Lao dong - Thuong binh va Xa hoi", "So LD TBXH",
                "Sở Lao động – Thương binh và Xã hội", "S& Lao dong - Thuong binh va Xa hoi", "Sở LĐTBXH",
                "So LD TBXH"})
        void resolvesLabourDepartment(String mention) {
            assertEquals("so-ldtbxh", idOf(mention), mention);
        }

        @Test
        void resolvesOtherOcrMentionsOfTheIssuedDongNaiPlan() {
            assertEquals("so-noi-vu", idOf("S& N6i vy"));
            assertEquals("so-noi-vu", idOf("S& Noi vu"));
            assertEquals("so-gddt", idOf("S& Gido duc va Pao tao"));
            assertEquals("so-gddt", idOf("S¢ Giao duc va Pao tao"));
            assertEquals("so-gddt", idOf("So GD&DT"));
            assertEquals("so-vhttdl", idOf("S6 VHTT&DL"));
            assertEquals("so-khdt", idOf("S6 Ké hoach va Pau tu"));
            assertEquals("dai-pt-th-dong-nai", idOf("Pai Phat thanh va Truyén hinh Dong Nai"));
            assertEquals("ubnd-cap-huyen", idOf("UBND cac huyén, thanh phd"));
            assertEquals("cac-so-ban-nganh", idOf("Cac s@, ban, nganh"));
            assertEquals("cuc-thh", idOf("Cục Tin  học hóa -Bộ Thông tin và Truyền thông"));
        }

        /** Lead and coordinator cells exactly as the OCR of the issued Đồng Nai, Thanh Hóa and Bình Phước plans reads. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Céc s, ban, nganh | cac-so-ban-nganh",
                "Cac sd, ban, nganh | cac-so-ban-nganh",
                "Cic so, ban, nganh | cac-so-ban-nganh",
                "cac co quan truc thuge UBND tinh | cac-co-quan-truc-thuoc-ubnd-tinh",
                "Dai Phat thanh va Truyén hinh Ddng Nai | dai-pt-th-dong-nai",
                "cic co quan bao chi hoat dong trén dia ban tinh | cac-co-quan-bao-chi",
                "Céc co sé gido duc va dao tao trén dia ban tinh | cac-co-so-gddt",
                "Céc co so giao duc dao tao | cac-co-so-gddt",
                "S& Lao dong - Thuong binh va X4 hoi | so-ldtbxh",
                "S& Tai chinh | so-tai-chinh",
                "co s& gido duc nghé nghiép | cac-co-so-gdnn",
                "cac tdp doan, tong cdng ty nha nudc | cac-doanh-nghiep-nha-nuoc",
                "SO TT&TT | so-tttt",
                "Sf’ Thorig tin va Truyén thong | so-tttt",
                "S& Noi vu | so-noi-vu",
                "C4c sd, ban, nganh | cac-so-ban-nganh"})
        void resolvesCellsAsTheOcrPrintedThem(String mention, String id) {
            assertEquals(id, idOf(mention), mention);
        }

        @Test
        void neverTurnsAMinistryIntoADepartment() {
            assertEquals("bo-tttt", idOf("B6 Thong tin va Truyén thong"));
            assertEquals("bo-tttt", idOf("Bộ TT&TT"));
            assertEquals("so-tttt", idOf("Sở TT&TT"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sở Giao thông vận tải", "Sở Dân tộc và Tôn giáo", "xyz qwe", "Sở", "UBND",
                "Sở Thông tin", "Bộ Quốc phòng", "Đài Truyền hình Việt Nam", "Báo Lào Cai", "",
                "Báo Bình Dương", "Báo Đồng Tháp", "Đài Phát thanh và Truyền hình Đồng Tháp", "Bộ Ngoại giao",
                "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai", "Bộ Nội vụ và Bộ Tài chính"})
        void neverInventsAnAgency(String mention) {
            assertEquals(Optional.empty(), AGENCIES.resolve(mention), mention);
        }

        @Test
        void resolvesDepartmentsTheFileListsEvenWhenNoPlanNamesThem() {
            assertEquals("so-xay-dung", idOf("Sở Xây dựng"));
            assertEquals("so-xay-dung", idOf("so xay dung"));
            assertEquals("so-y-te", idOf("Sở Y tế"));
        }

        @Test
        void resolvesGroupsAsGroups() {
            Agency huyen = AGENCIES.resolve("UBND các huyện, thị xã, thành phố").orElseThrow();
            assertEquals("nhóm", huyen.kind());
            assertEquals(huyen, AGENCIES.resolve("UBND cấp huyện").orElseThrow());
            assertEquals("nhóm", AGENCIES.resolve("Các sở, ban, ngành").orElseThrow().kind());
            assertEquals("cac-co-so-gddt", idOf("Các cơ Sở Giáo dục và Đào tạo trên địa bàn tỉnh"));
        }

        @Test
        void readsTheProvincesStationInsideAPlan() {
            assertEquals("dai-pt-th-binh-dinh",
                    AGENCIES.resolve("Đài Phát thanh - Truyền hình tỉnh", "Bình Định").orElseThrow().id());
            assertEquals("dai-pt-th-thanh-hoa",
                    AGENCIES.resolve("Đài PTTH tỉnh", "Thanh Hóa").orElseThrow().id());
            assertEquals("dai-pt-th-tinh", AGENCIES.resolve("Đài Phát thanh - Truyền hình tỉnh").orElseThrow().id());
            assertEquals("Bình Phước", AGENCIES.resolve("Báo Bình Phước").orElseThrow().province());
            assertEquals(null, AGENCIES.resolve("Sở Tài chính").orElseThrow().province());
        }
    }

    @Nested
    class FindIn {

        @Test
        void findsTheLongestAgencyNameInAQuestion() {
            List<AgencyDirectory.AgencyHit> hits = AGENCIES.findIn("so khoa hoc va cong nghe dong nai duoc giao gi");
            assertEquals(1, hits.size());
            assertEquals("so-khcn", hits.get(0).agency().id());
            assertEquals(0, hits.get(0).startToken());
            assertEquals(6, hits.get(0).endToken());
        }

        @Test
        void findsAbbreviationsAndSeveralAgencies() {
            List<String> ids = AGENCIES.findIn("Sở TT&TT phối hợp với Sở GD&ĐT và UBND cấp huyện làm gì?").stream()
                    .map(h -> h.agency().id()).toList();
            assertEquals(List.of("so-tttt", "so-gddt", "ubnd-cap-huyen"), ids);
            assertEquals(List.of("so-tttt"), AGENCIES.findIn("sở tttt được giao gì").stream()
                    .map(h -> h.agency().id()).toList());
            assertEquals(List.of("so-tttt"), AGENCIES.findIn("Sở Thông tin Truyền thông Đồng Nai chủ trì những việc gì")
                    .stream().map(h -> h.agency().id()).toList());
            assertEquals(List.of("so-noi-vu", "so-tai-chinh"), AGENCIES.findIn("Sở Nội vụ và Sở Tài chính phối hợp ra sao")
                    .stream().map(h -> h.agency().id()).toList());
        }

        @Test
        void findsNothingInAQuestionWithoutAgencies() {
            assertTrue(AGENCIES.findIn("làm sao để nộp hồ sơ trực tuyến").isEmpty());
        }
    }

    @Nested
    class Succession {

        @Test
        void todaysNameLeadsBackToThe2022Department() {
            Agency khcn = AGENCIES.byId("so-khcn").orElseThrow();
            assertEquals(List.of("so-tttt"), AGENCIES.predecessorsOf(khcn).stream().map(Agency::id).toList());
            Agency tttt = AGENCIES.byId("so-tttt").orElseThrow();
            assertEquals(List.of("so-khcn"), AGENCIES.successorsOf(tttt).stream().map(Agency::id).toList());
            assertEquals("2025-03-01", tttt.successor().effective());
            assertTrue(tttt.successor().source().contains("45/2025/NĐ-CP"));
        }

        @Test
        void mergersOf2025AreData() {
            assertEquals("so-noi-vu", AGENCIES.byId("so-ldtbxh").orElseThrow().successor().agencyId());
            assertEquals("so-tai-chinh", AGENCIES.byId("so-khdt").orElseThrow().successor().agencyId());
            assertEquals("bo-khcn", AGENCIES.byId("bo-tttt").orElseThrow().successor().agencyId());
            Agency huyen = AGENCIES.byId("ubnd-cap-huyen").orElseThrow();
            assertEquals("2025-07-01", huyen.successor().effective());
            assertNotNull(huyen.successor().note());
            List<String> noiVu = AGENCIES.predecessorsOf(AGENCIES.byId("so-noi-vu").orElseThrow()).stream()
                    .map(Agency::id).toList();
            assertEquals(List.of("so-ldtbxh"), noiVu);
        }

        @Test
        void everySuccessionNamesItsDateAndSource() {
            for (Agency a : AGENCIES.all()) {
                if (a.successor() != null) {
                    assertNotNull(a.successor().effective(), a.id());
                    assertNotNull(a.successor().source(), a.id());
                    assertTrue(AGENCIES.byId(a.successor().agencyId()).isPresent(), a.id());
                }
            }
        }
    }
}

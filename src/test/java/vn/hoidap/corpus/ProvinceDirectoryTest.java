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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvinceDirectoryTest {

    private static final ProvinceDirectory PROVINCES = ProvinceDirectory.load(Path.of("corpus/provinces.yaml"));
    private static final List<Plan> PLANS = new PlanLoader(AgencyDirectory.empty()).loadAll(Path.of("corpus/plans"));

    private static Province province(String name) {
        return PROVINCES.resolve(name).orElseThrow(() -> new AssertionError("unknown: " + name));
    }

    private static List<String> ids(List<Plan> plans) {
        return plans.stream().map(Plan::id).toList();
    }

    @Nested
    class Resolve {

        @ParameterizedTest
        @CsvSource({
                "Đồng Nai, dong-nai", "dong nai, dong-nai", "dong nia, dong-nai", "tỉnh Đồng Nai, dong-nai",
                "Binh Phuoc, binh-phuoc", "binh phuc, binh-phuoc", "Thanh Hoá, thanh-hoa", "thanh hoa, thanh-hoa",
                "Bình Định, binh-dinh", "BINH DINH, binh-dinh", "tinh Gia Lai, gia-lai"})
        void resolvesNamesAsPeopleWriteThem(String name, String id) {
            assertEquals(id, province(name).id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Atlantis", "BĐ", "Sở Nội vụ", "", "Bình"})
        void neverInventsAProvince(String name) {
            assertEquals(Optional.empty(), PROVINCES.resolve(name), name);
        }

        @Test
        void knowsAllFormerAndCurrentProvinces() {
            assertEquals(63, PROVINCES.all().stream().filter(Province::former).count());
            assertEquals(34, PROVINCES.all().stream().filter(Province::current).count());
            Province laoCai = province("Lào Cai");
            assertTrue(laoCai.former() && laoCai.current());
            assertFalse(province("Bình Phước").current());
            assertTrue(province("Huế").current());
            assertEquals("Thành phố Hồ Chí Minh", province("TP.HCM").name());
        }
    }

    @Nested
    class FindIn {

        @Test
        void findsTheProvinceOfAQuestion() {
            List<ProvinceDirectory.ProvinceHit> hits = PROVINCES.findIn("so khoa hoc va cong nghe dong nai duoc giao gi");
            assertEquals(1, hits.size());
            assertEquals("dong-nai", hits.get(0).province().id());
            assertEquals(6, hits.get(0).startToken());
        }

        @Test
        void recognisesProvincesOutsideTheCorpus() {
            assertEquals("Lào Cai", PROVINCES.findIn("Kế hoạch chuyển đổi số của tỉnh Lào Cai?").get(0).province().name());
            assertEquals("Bà Rịa - Vũng Tàu", PROVINCES.findIn("ba ria vung tau co ke hoach khong").get(0).province().name());
        }

        @Test
        void prefersTheLongestName() {
            assertEquals("Thừa Thiên Huế", PROVINCES.findIn("tỉnh Thừa Thiên Huế").get(0).province().name());
            assertTrue(PROVINCES.findIn("làm sao nộp hồ sơ trực tuyến").isEmpty());
        }
    }

    @Nested
    class Reorganisation {

        @Test
        void mergersOf2025() {
            assertEquals("gia-lai", PROVINCES.today(province("Bình Định")).id());
            assertEquals("dong-nai", PROVINCES.today(province("Bình Phước")).id());
            assertEquals("thanh-hoa", PROVINCES.today(province("Thanh Hóa")).id());
            assertEquals("2025-07-01", province("Bình Phước").effective());
            assertTrue(province("Bình Định").source().contains("202/2025/QH15"));
            assertEquals(List.of("binh-phuoc"), PROVINCES.mergedFrom(province("Đồng Nai")).stream().map(Province::id).toList());
        }

        @Test
        void giaLaiLeadsToTheBinhDinhPlan() {
            ProvinceDirectory.ProvincePlans p = PROVINCES.plansFor(province("Gia Lai"), PLANS);
            assertEquals(List.of(), ids(p.own()));
            assertEquals(List.of("binh-dinh-2022"), ids(p.merged()));
        }

        @Test
        void dongNaiTodayHasItsOwnPlansFirstThenBinhPhuoc() {
            ProvinceDirectory.ProvincePlans p = PROVINCES.plansFor(province("dong nai"), PLANS);
            assertEquals(List.of("dong-nai-179-2025", "dong-nai-2022", "dong-nai-2022-draft"), ids(p.own()));
            assertEquals(List.of("binh-phuoc-2022"), ids(p.merged()));
            assertEquals(List.of("dong-nai-179-2025", "dong-nai-2022", "dong-nai-2022-draft", "binh-phuoc-2022"), ids(p.all()));
        }

        @Test
        void provinceOutsideTheCorpusHasNoPlans() {
            assertTrue(PROVINCES.plansFor(province("Lào Cai"), PLANS).all().isEmpty());
            assertEquals(List.of("thanh-hoa-2022"), ids(PROVINCES.plansFor(province("Thanh Hóa"), PLANS).own()));
        }
    }
}

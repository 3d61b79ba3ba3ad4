package vn.hoidap.topics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCatalogTest {

    static TopicCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = new TopicCatalog(Path.of("corpus/topics.yaml"));
    }

    @Test
    void hasTheFixedTopicIdsAndTheThreeThemesOfDecision146() {
        assertEquals(Set.of("nang-cao-nhan-thuc", "pho-cap-ky-nang-so", "phat-trien-nguon-nhan-luc"),
                catalog.themes().keySet());
        List<String> ids = catalog.topicList().stream().map(Topic::id).toList();
        assertEquals(Set.of("dich-vu-cong-truc-tuyen", "vneid-dinh-danh", "thanh-toan-truc-tuyen", "hoc-ky-nang-so",
                "an-toan-tren-mang", "chu-ky-so", "chuyen-doi-so-la-gi", "to-cong-nghe-so-cong-dong", "stem-steam",
                "chuyen-gia-chuyen-doi-so", "de-an-146", "sap-xep-to-chuc-2025", "du-lieu-ca-nhan", "viet-tat",
                "giao-duc-so", "nhiem-vu-co-quan", "muc-tieu-ke-hoach", "thong-tin-ke-hoach", "bao-cao-dinh-ky",
                "truyen-thong", "dao-tao-can-bo", "khac"), Set.copyOf(ids));
        for (Topic t : catalog.topicList()) {
            assertNotNull(t.name(), t.id());
            assertNotNull(t.source(), t.id());
            assertTrue(t.id().equals("khac") || !t.keywords().isEmpty(), t.id() + " has keywords");
            assertTrue(t.id().equals("khac") == (t.themeId() == null), t.id() + " has a theme");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Làm sao nộp hồ sơ trên cổng dịch vụ công?|dich-vu-cong-truc-tuyen",
            "lam sao nop ho so tren cong dich vu cong|dich-vu-cong-truc-tuyen",
            "Cách kích hoạt tài khoản VNeID mức 2|vneid-dinh-danh",
            "Có nền tảng MOOCs nào dạy kỹ năng số miễn phí không?|hoc-ky-nang-so",
            "Bị lừa đảo qua mạng thì làm gì|an-toan-tren-mang",
            "Chữ ký số cá nhân đăng ký ở đâu?|chu-ky-so",
            "chu ky so ca nhan dang ky o dau|chu-ky-so",
            "Sở Giáo dục triển khai STEM/STEAM thế nào?|stem-steam",
            "Quyết định 146/QĐ-TTg là gì?|de-an-146",
            "Sở nào chủ trì nhiệm vụ này?|nhiem-vu-co-quan",
            "Mục tiêu đến năm 2025 của tỉnh là gì?|muc-tieu-ke-hoach",
            "Hạn báo cáo định kỳ là ngày nào?|bao-cao-dinh-ky",
            "Xin chào|khac"})
    void assignsTopicsByKeywordsWithOrWithoutDiacritics(String question, String topic) {
        assertEquals(topic, catalog.assign(question, null).id());
    }

    @Test
    void aCorpusWithoutTopicsFilesEverythingUnderKhac(@org.junit.jupiter.api.io.TempDir Path dir) {
        TopicCatalog empty = new TopicCatalog(dir.resolve("topics.yaml"));
        assertEquals("khac", empty.assign("Làm VNeID ở đâu?", null).id());
        assertTrue(empty.themes().isEmpty());
    }

    @Test
    void prefersTheAssistantsTopicWhenItIsKnown() {
        assertEquals("chu-ky-so", catalog.assign("Xin chào", "chu-ky-so").id());
        assertEquals("khac", catalog.assign("Xin chào", "khong-co-chu-de-nay").id());
        assertNull(catalog.assign("Xin chào", null).themeId());
        assertFalse(catalog.assign("VNeID", null).themeId().isBlank());
    }
}

package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each answer path of the real assistant over the committed corpus: the facts asserted were read in the plan
 * documents, and the questions are phrased differently from the evaluation set.
 */
@MicronautTest
class AssistantAnswersTest {

    @Inject
    Assistant assistant;

    private Answer ask(String question) {
        return assistant.answer(new Question(question, UUID.randomUUID().toString(), "test"));
    }

    private Answer ask(String session, String question) {
        return assistant.answer(new Question(question, session, "test"));
    }

    private static void says(Answer a, String... folded) {
        assertFalse(a.fallback(), "should answer, fell back: " + a.text());
        String text = Fold.fold(a.text());
        for (String f : folded) {
            assertTrue(text.contains(f), "answer contains '" + f + "': " + a.text());
        }
    }

    private static void linksTo(Answer a, String planId) {
        assertTrue(a.sources().stream().anyMatch(s -> s.url().startsWith("/ke-hoach/" + planId)),
                "a source links to " + planId + ": " + a.sources());
    }

    @Nested
    class Tasks {
        @Test
        void whoLeadsATask() {
            Answer a = ask("Ai chủ trì tổ chức hội nghị, hội thảo về sản phẩm số ở Bình Định?");
            says(a, "thong tin va truyen thong", "cuc tin hoc hoa");
            linksTo(a, "binh-dinh-2022");
        }

        @Test
        void whoCoordinatesWithoutDiacritics() {
            Answer a = ask("to chuc cuoc thi tim hieu ve chuyen doi so o binh dinh co don vi nao phoi hop");
            says(a, "phat thanh");
        }

        @Test
        void whenIsATaskDone() {
            Answer a = ask("Cung cấp thông tin để đánh giá, xếp hạng tỉnh Đồng Nai trong các chỉ số toàn quốc thực hiện khi nào?");
            says(a, "theo ke hoach cua bo thong tin va truyen thong");
            linksTo(a, "dong-nai-2022");
        }

        @Test
        void issuedPlanIsAuthoritativeOverTheDraft() {
            // The draft gives 1.1 to Sở Nội vụ and Sở TT&TT; the issued plan to Sở TT&TT, once guidance comes.
            Answer a = ask("Ở Đồng Nai ai chủ trì xây dựng cơ chế, chính sách hỗ trợ đội ngũ làm công tác chuyển đổi số?");
            says(a, "thong tin va truyen thong");
            linksTo(a, "dong-nai-2022");
            assertFalse(a.sources().stream().anyMatch(s -> s.url().contains("draft")), a.sources().toString());
        }

        @Test
        void theDraftAnswersOnlyWhenAskedFor() {
            Answer a = ask("Trong dự thảo kế hoạch của Đồng Nai, ai chủ trì xây dựng cơ chế, chính sách hỗ trợ đội ngũ làm công tác chuyển đổi số?");
            says(a, "du thao", "noi vu");
            linksTo(a, "dong-nai-2022-draft");
        }

        @Test
        void saysWhoHoldsTheRoleToday() {
            Answer a = ask("Chương trình Học từ làm việc thực tế ở Bình Định do ai chủ trì?");
            says(a, "lao dong", "noi vu");
        }

        @Test
        void followUpsKeepTheTask() {
            String s = UUID.randomUUID().toString();
            says(ask(s, "Ở Bình Định ai chủ trì tổ chức cuộc thi tìm hiểu về chuyển đổi số?"), "thong tin va truyen thong");
            says(ask(s, "đơn vị nào phối hợp?"), "phat thanh");
            says(ask(s, "thời gian thực hiện là khi nào?"), "hang nam");
        }
    }

    @Nested
    class Agencies {
        @Test
        void listsAnAgencysTasksByRole() {
            Answer a = ask("Đài Phát thanh - Truyền hình tỉnh Bình Định được giao những nhiệm vụ gì?");
            says(a, "chu tri", "chuong trinh");
            linksTo(a, "binh-dinh-2022");
        }

        @Test
        void todaysAgencyNameFindsThe2022Tasks() {
            Answer a = ask("Sở Khoa học và Công nghệ Bình Định được giao nhiệm vụ gì trong kế hoạch?");
            says(a, "thong tin va truyen thong", "khoa hoc va cong nghe");
        }

        @Test
        void followUpKeepsTheAgencyInAnotherProvince() {
            String s = UUID.randomUUID().toString();
            says(ask(s, "Sở Nội vụ Thanh Hóa được giao những nhiệm vụ gì?"), "noi vu");
            Answer a = ask(s, "còn Bình Định thì sao?");
            says(a, "noi vu");
            linksTo(a, "binh-dinh-2022");
        }

        @Test
        void anAgencyWithoutTasksGetsAnHonestNo() {
            Answer a = ask("Sở Ngoại vụ Thanh Hóa chủ trì nhiệm vụ gì?");
            assertTrue(a.fallback(), a.text());
        }
    }

    @Nested
    class TargetsAndFacts {
        @Test
        void targetOfAYear() {
            says(ask("Đến năm 2030 Thanh Hóa muốn bao nhiêu phần trăm người dân biết dịch vụ công trực tuyến?"), "90%");
        }

        @Test
        void followUpToAnotherProvince() {
            String s = UUID.randomUUID().toString();
            says(ask(s, "Mục tiêu STEM/STEAM năm 2030 của Thanh Hóa là gì?"), "80%");
            Answer a = ask(s, "còn Bình Phước thì sao?");
            says(a, "80%");
            linksTo(a, "binh-phuoc-2022");
        }

        @Test
        void whichProvincesShareATarget() {
            Answer a = ask("Những tỉnh nào đặt mục tiêu 90% người dân biết đến dịch vụ công trực tuyến vào năm 2030?");
            says(a, "thanh hoa", "dong nai");
            assertFalse(Fold.fold(a.text()).contains("binh phuoc"), "Bình Phước's 2030 figure is not 90%: " + a.text());
        }

        @Test
        void aPlanWithoutYearlyTargetsSaysSo() {
            Answer a = ask("Kế hoạch của Bình Định đặt mục tiêu gì đến năm 2025?");
            says(a, "khong dat muc tieu");
        }

        @Test
        void todaysProvinceNameIsExplained() {
            Answer a = ask("Sở Nội vụ tỉnh Gia Lai được giao nhiệm vụ gì trong kế hoạch chuyển đổi số?");
            says(a, "binh dinh", "gia lai");
            linksTo(a, "binh-dinh-2022");
        }

        @Test
        void taskGroupsOfAPlan() {
            String s = UUID.randomUUID().toString();
            ask(s, "Kế hoạch gồm những nhóm nhiệm vụ nào?");
            says(ask(s, "ở Thanh Hóa"), "4 nhom", "nang cao nhan thuc");
        }

        @Test
        void reportingDeadlines() {
            says(ask("Các sở ở Bình Định phải gửi báo cáo tình hình thực hiện kế hoạch trước ngày nào?"), "20/11");
        }

        @Test
        void signerOfAPlan() {
            says(ask("Ai ký kế hoạch của tỉnh Bình Định?"), "lam hai giang");
        }

        @Test
        void fundingOfAPlan() {
            says(ask("kinh phi thuc hien ke hoach binh dinh lay tu dau"), "ngan sach");
        }
    }

    @Nested
    class CitizenQuestions {
        @Test
        void faqAnswersLinkToTheFaq() {
            Answer a = ask("Có trả lệ phí hồ sơ qua mạng được không?");
            says(a, "thanh toan");
            assertTrue(a.sources().stream().anyMatch(s -> s.url().startsWith("/hoi-dap#")), a.sources().toString());
        }

        @Test
        void faqWithoutDiacriticsAndAbbreviations() {
            says(ask("dvc truc tuyen toan trinh la gi"), "toan trinh");
        }
    }

    @Nested
    class Passages {
        @Test
        void quotesTheSentenceAndLinksItsSection() {
            Answer a = ask("Từ năm 2016 đến 2021 Bình Phước đã tổ chức bao nhiêu lớp tập huấn về CNTT?");
            says(a, "18 lop");
            assertTrue(a.sources().stream().allMatch(s -> !s.url().contains("#") || s.url().matches(".*#s-[a-z0-9-]+")),
                    a.sources().toString());
        }
    }

    @Nested
    class Honesty {
        @Test
        void provinceWithoutAPlan() {
            Answer a = ask("Hà Giang có kế hoạch phổ cập kỹ năng số không?");
            assertTrue(a.fallback(), a.text());
            assertTrue(Fold.fold(a.text()).contains("binh dinh"), "names the provinces it has: " + a.text());
            assertTrue(a.suggestions().size() >= 2);
        }

        @Test
        void outOfScope() {
            assertTrue(ask("Giá vàng hôm nay bao nhiêu?").fallback());
            assertTrue(ask("cong thuc nau pho bo").fallback());
        }

        @Test
        void aLooseMatchIsNoAnswerToAnOffTopicQuestion() {
            assertTrue(ask("Ai là giám đốc công an tỉnh Thanh Hóa hiện nay?").fallback());
        }

        @Test
        void smallTalk() {
            says(ask("chào bạn"), "tro ly");
            says(ask("bạn làm được những gì?"), "nhiem vu");
        }
    }
}

package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions answered by what they mean rather than by the plans' wording: a task described by its purpose
 * (the concept lexicon), appendix rows asked as such, a "who" answered by a task's lead whatever the
 * classifier guessed, a section number in a short question, today's merged province. Each with its honest
 * absence and a follow-up.
 */
@MicronautTest(startApplication = false)
class AnswersByMeaningTest {

    @Inject
    AssistantService service;
    @Inject
    TaskAnswerer tasks;
    @Inject
    AgencyTasksAnswerer agencyTasks;
    @Inject
    PlanFactsAnswerer planFacts;
    @Inject
    Assistant assistant;
    @Inject
    TargetAnswerer targets;
    @Inject
    DeadlineAnswerer deadlines;

    private Understanding understand(String q) {
        return service.understand(q, DialogueState.EMPTY, null);
    }

    private Understanding followUp(String q, Reply previous) {
        return service.understand(q, previous.session().withQuestion(""), null);
    }

    private static Reply answered(Optional<Reply> r, String... folded) {
        assertTrue(r.isPresent(), "an answer");
        assertFalse(r.get().fallback(), "should answer: " + r.get().text());
        String text = Fold.fold(r.get().text());
        for (String f : folded) {
            assertTrue(text.contains(f), "answer contains '" + f + "': " + r.get().text());
        }
        return r.get();
    }

    private static void absent(Optional<Reply> r, String... folded) {
        assertTrue(r.isPresent(), "an honest absence");
        assertTrue(r.get().fallback(), "should be a fallback: " + r.get().text());
        String text = Fold.fold(r.get().text());
        for (String f : folded) {
            assertTrue(text.contains(f), "absence says '" + f + "': " + r.get().text());
        }
    }

    private Answer ask(String session, String q) {
        return assistant.answer(new Question(q, session, "test"));
    }

    @Nested
    class Appendix {
        @Test
        void aQuestionNamingTheAppendixIsAnsweredByARow() {
            // Kế hoạch 179 Đồng Nai, Phụ lục B.I.1.8: the cashew trading platform, led by Sở NN&MT
            Reply r = answered(tasks.answer(understand(
                    "Theo phụ lục kế hoạch 179 Đồng Nai, nền tảng giao dịch nông sản chủ lực do sở nào chủ trì?")),
                    "nong nghiep va moi truong");
            assertTrue(r.sources().get(0).section().startsWith("PL"), "a row of the appendix: " + r.sources());
        }

        @Test
        void aPlanWithoutAnAppendixSaysSo() {
            absent(tasks.answer(understand("Phụ lục của kế hoạch 308 Hà Nội giao việc bảo đảm an toàn thông tin cho ai?")),
                    "phu luc", "308/kh-ubnd");
            absent(agencyTasks.answer(understand("Phụ lục kế hoạch 597 Đồng Tháp giao Sở Xây dựng những việc gì?")),
                    "phu luc", "597/kh-ubnd");
        }

        @Test
        void anAgencysAppendixRowsOnly() {
            Reply r = answered(agencyTasks.answer(understand("Phụ lục kế hoạch 617 Đồng Tháp giao Sở Công Thương việc gì?")),
                    "cong thuong");
            assertFalse(r.sources().isEmpty());
            r.sources().forEach(s -> assertTrue(s.section() == null || s.section().startsWith("PL"),
                    "rows only: " + s.section()));
        }

        @Test
        void aFollowUpStaysOnTheRow() {
            Reply first = answered(tasks.answer(understand(
                    "Theo phụ lục kế hoạch 179 Đồng Nai, nền tảng giao dịch nông sản chủ lực do sở nào chủ trì?")));
            Reply coord = answered(tasks.answer(followUp("vậy ai phối hợp?", first)), "phoi hop", "khoa hoc va cong nghe");
            assertEquals(first.session().unitId(), coord.session().unitId());
        }
    }

    @Nested
    class WhoOfATask {
        private static final String SUBJECT = "chia sẻ dữ liệu đất đai, bản đồ địa chính theo kế hoạch 597 Đồng Tháp";

        @Test
        void aTaskWithALeadAnswersWhoWhenOnlyTheClassifierReadsAResultQuestion() {
            Understanding u = understand(SUBJECT).withIntent(Intent.TASK_RESULT);
            answered(tasks.answer(u), "chu tri", "nong nghiep va moi truong");
        }

        @Test
        void aResultAskedInWordsIsStillAnHonestAbsence() {
            absent(tasks.answer(understand("Kết quả cần đạt của việc " + SUBJECT + " là gì?")), "ket qua");
        }

        @Test
        void aCountDescribingTheTaskIsNotWhatAWhoQuestionAsks() {
            // "cần bao nhiêu người làm" describes the forecasting task; the answer is its lead
            answered(tasks.answer(understand(
                    "Đồng Nai ai chủ trì việc dự đoán nhu cầu lao động ngành công nghệ thông tin cần bao nhiêu người?")),
                    "lao dong - thuong binh va xa hoi");
        }
    }

    @Nested
    class Concepts {
        @Test
        void aTaskDescribedInEverydayWordsIsFound() {
            // the plan says "ký số từ xa … miễn giảm giá"; people say "chữ ký số trên điện thoại … giá rẻ"
            answered(tasks.answer(understand("Ở Đồng Nai ai lo cho người dân dùng chữ ký số trên điện thoại với giá rẻ?")),
                    "khoa hoc va cong nghe");
            // the plan says "kinh doanh trên môi trường số"; people say "bán hàng trên mạng"
            answered(tasks.answer(understand("Theo KH 617 Đồng Tháp, sở nào lo hỗ trợ hợp tác xã, hộ kinh doanh bán hàng trên mạng?")),
                    "cong thuong");
        }
    }

    @Nested
    class Sections {
        @Test
        void aShortQuestionNamingASectionIsTheSection() {
            Answer a = ask(UUID.randomUUID().toString(), "Phần VI của KH 179 là gì?");
            assertFalse(a.fallback(), a.text());
            assertTrue(Fold.fold(a.text()).contains("to chuc thuc hien"), a.text());
        }

        @Test
        void aSectionThePlanLacksIsAnHonestAbsenceNamingItsParts() {
            Answer a = ask(UUID.randomUUID().toString(), "Phần V của KH 308 Hà Nội là gì?");
            assertTrue(a.fallback(), a.text());
            assertTrue(Fold.fold(a.text()).contains("to chuc thuc hien"), "names the parts it has: " + a.text());
        }
    }

    @Nested
    class TodaysProvince {
        @Test
        void todaysProvinceListsTheMergedProvincesPlansToo() {
            answered(planFacts.answer(understand("Tỉnh Đồng Nai sau sáp nhập có những kế hoạch, đề án nào về chuyển đổi số?")),
                    "1812/qd-ubnd", "179/kh-ubnd");
        }

        @Test
        void everyIsNotNew() {
            SelectionCues cues = SelectionCues.load(java.nio.file.Path.of("corpus", "assistant", "selection.yaml"));
            assertTrue(cues.asksTodaysProvince(Phrases.padded("Đồng Nai mới có đề án nào?"), "Đồng Nai"));
            assertFalse(cues.asksTodaysProvince(Phrases.padded("Đồng Nai có kế hoạch cho mọi người dân không?"), "Đồng Nai"));
        }
    }
    @Nested
    class TargetsOfTheAskedSubject {
        @Test
        void aFigureWordSharedWithAnotherTargetDoesNotOutrankTheSubject() {
            // Đồng Nai 2022, II.2: 80% of schools hold STEM/STEAM activities by 2030; Kế hoạch 179 has a "tỷ lệ" of
            // schools with digital management for 2030, which says nothing of STEM
            Reply r = answered(targets.answer(understand(
                    "Tỷ lệ trường tiểu học đến THPT có hoạt động giáo dục STEM ở Đồng Nai đến năm 2030 là bao nhiêu?")),
                    "stem", "80%");
            assertTrue(Fold.fold(r.text().lines().skip(1).findFirst().orElse("")).contains("stem"),
                    "the STEM target comes first: " + r.text());
        }

        @Test
        void todaysProvinceComparesItsOwnAndTheFormerProvincesTarget() {
            // Đồng Nai 2022: 70% by 2025; former Bình Phước's Đề án 1812: 60% by 2025
            answered(targets.answer(understand("Tỉnh Đồng Nai mới: đến năm 2025 bao nhiêu % người dân biết sử dụng DVC "
                    + "trực tuyến, theo kế hoạch của Đồng Nai cũ và đề án của Bình Phước cũ?")), "70%", "60%");
        }

        @Test
        void aYearWithoutTargetsIsStillAnHonestAbsence() {
            absent(targets.answer(understand("Tỷ lệ trường có hoạt động giáo dục STEM ở Đồng Nai đến năm 2027 là bao nhiêu?")),
                    "2027");
        }
    }

    @Nested
    class DeadlinesInTheBody {
        private static final String ASKED =
                "Theo KH 308 Hà Nội, kết quả phải cập nhật lên phần mềm theo dõi, giám sát Đề án 06 trước ngày nào mỗi tháng?";

        @Test
        void theDeadlineThatCoversTheQuestionAnswersIt() {
            Reply r = answered(deadlines.specific(understand(ASKED)), "truoc ngay 20 hang thang");
            assertEquals("III.1", r.sources().get(0).section());
        }

        @Test
        void aReportingDateIsNotThePlansIssueDate() {
            assertTrue(planFacts.answer(understand(ASKED)).isEmpty(), "not a fact of the plan");
            // the plan's issue date is still a fact of the plan
            answered(planFacts.answer(understand("Kế hoạch 308 của Hà Nội ban hành ngày nào?")), "17/11/2025");
        }

        @Test
        void aPersonOrAPhoneNumberIsNotADate() {
            assertTrue(deadlines.specific(understand("Ai là giám đốc Sở Khoa học và Công nghệ Hà Nội hiện nay?")).isEmpty());
            assertTrue(deadlines.specific(understand("số điện thoại sở khoa học và công nghệ đồng tháp là bao nhiêu")).isEmpty());
        }

        @Test
        void noDeadlineCoversAnUnrelatedQuestion() {
            assertTrue(deadlines.specific(understand("Theo KH 308 Hà Nội, ai chủ trì bảo đảm an toàn thông tin cho cơ sở dữ liệu?"))
                    .isEmpty());
        }
    }
}

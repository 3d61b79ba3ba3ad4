package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Citizens' yes/no questions that name no plan are answered by the FAQ entry that covers them, not by "no
 * plan has such a task"; a district question of a citizen is not taken for the plans' reorganisation.
 */
@MicronautTest(startApplication = false)
class CitizenQuestionsTest {

    @Inject
    AssistantService service;

    private Answer ask(String q) {
        return service.answer(new Question(q, "citizen-" + System.nanoTime(), "test"));
    }

    @Test
    void aYesNoQuestionNamingNoPlanIsAnsweredByItsFaq() {
        Answer a = ask("Làm định danh mức 2 có phải chụp ảnh, lấy vân tay không?");
        assertFalse(a.fallback(), a.text());
        String text = Fold.fold(a.text());
        assertTrue(text.contains("van tay") && text.contains("truc tiep"), a.text());
        assertTrue(a.sources().stream().allMatch(s -> s.planId() == null), "an FAQ, not a plan: " + a.sources());
    }

    @Test
    void aYesNoQuestionAboutAPlanStillAsksThePlan() {
        Answer a = ask("Kế hoạch của Bình Định có nhiệm vụ tổ chức cuộc thi tìm hiểu về chuyển đổi số không?");
        assertFalse(a.fallback(), a.text());
        assertTrue(a.sources().stream().anyMatch(s -> "binh-dinh-2022".equals(s.planId())), a.sources().toString());
    }

    @Test
    void whereToSubmitWithoutTheDistrictLevelIsACitizensQuestion() {
        Answer a = ask("Không còn huyện thì nộp hồ sơ hành chính ở đâu?");
        assertFalse(a.fallback(), a.text());
        assertTrue(Fold.fold(a.text()).contains("hanh chinh cong"), a.text());
    }
}

package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each merge rule on its own, with a state as an answerer leaves it. */
@MicronautTest(startApplication = false)
class DialogueRulesTest {

    @Inject
    Understander understander;

    @Inject
    DialogueRules rules;

    private static final DialogueState AFTER_TASK = new DialogueState("task_who", "LEAD", "chiến dịch truyền thông",
            "Bình Định", null, "binh-dinh-2022", DialogueState.TASK, "1.1", null, "ai chu tri chien dich truyen thong");
    private static final DialogueState AFTER_TARGET = new DialogueState("targets", "FIGURE", "dịch vụ công trực tuyến",
            "Thanh Hóa", null, "thanh-hoa-2022", DialogueState.TARGET, "0", 2025, "muc tieu nam 2025 dich vu cong");
    private static final DialogueState AFTER_FAQ = new DialogueState("faq", "DEFINITION", "vneid", null, null, null,
            DialogueState.FAQ, "vneid-la-gi", null, "vneid la gi");

    private Understanding merge(String question, DialogueState state) {
        return rules.merge(understander.read(question), state, null);
    }

    @Test
    void aFacetOnlyFollowUpKeepsTheUnitAndChangesTheFacet() {
        for (String q : new String[] {"vậy ai phối hợp?", "làm trong bao lâu?", "Kết quả cần đạt là gì?"}) {
            Understanding u = merge(q, AFTER_TASK);
            assertEquals(DialogueRules.Rule.FACET_ONLY, rules.rule(understander.read(q), AFTER_TASK), q);
            assertTrue(u.unitFollowUp(), q);
            assertEquals("Bình Định", u.province(), q);
            assertTrue(u.intent().isTaskDetail(), q);
        }
        assertEquals(Facet.COORDINATORS, merge("vậy ai phối hợp?", AFTER_TASK).facet());
        assertEquals(Intent.TASK_WHEN, merge("làm trong bao lâu?", AFTER_TASK).intent());
        assertEquals(Intent.TASK_RESULT, merge("Kết quả cần đạt là gì?", AFTER_TASK).intent());
    }

    @Test
    void anotherProvinceKeepsTheFacetAndSubjectAndChangesThePlan() {
        Understanding u = merge("còn Bình Phước?", AFTER_TARGET);
        assertEquals(DialogueRules.Rule.ENTITY_ONLY, rules.rule(understander.read("còn Bình Phước?"), AFTER_TARGET));
        assertEquals("Bình Phước", u.province());
        assertEquals(Intent.TARGETS, u.intent());
        assertEquals(Facet.FIGURE, u.facet());
        assertTrue(u.content().contains("dịch vụ công trực tuyến"), u.content());
        assertEquals(2025, u.year());
        assertFalse(u.unitFollowUp());
    }

    @Test
    void anotherYearKeepsTheSubject() {
        Understanding u = merge("Còn năm 2030?", AFTER_TARGET);
        assertEquals(2030, u.year());
        assertEquals("Thanh Hóa", u.province());
        assertEquals(Intent.TARGETS, u.intent());
    }

    @Test
    void aTaskFacetAfterAQuotedPassageSearchesItsSubjectAgain() {
        DialogueState afterPassage = new DialogueState("task_who", "LEAD", "đề án phát triển thanh toán không dùng tiền mặt",
                "Đồng Nai", null, "dong-nai-179-2025", DialogueState.SECTION, "p-12", null, null);
        Understanding u = merge("còn đơn vị phối hợp?", afterPassage);
        assertEquals(Intent.TASK_WHO, u.intent());
        assertEquals(Facet.COORDINATORS, u.facet());
        assertTrue(!u.unitFollowUp(), "a passage is not a task card: the subject is searched again");
        assertEquals("đề án phát triển thanh toán không dùng tiền mặt", u.content());
        assertEquals("Đồng Nai", u.province());
    }

    @Test
    void aPeriodSelectsButIsNotAnAskedYear() {
        Understanding u = merge("ai triển khai nền tảng hóa đơn điện tử ở Đồng Nai giai đoạn 2026-2030", DialogueState.EMPTY);
        assertEquals(2030, u.year());
        assertEquals(null, u.askedYear());
    }

    @Test
    void aNewSubjectStartsOver() {
        Understanding u = merge("Ai chủ trì đào tạo giáo viên STEM ở Thanh Hóa?", AFTER_TASK);
        assertEquals(DialogueRules.Rule.NEW_SUBJECT,
                rules.rule(understander.read("Ai chủ trì đào tạo giáo viên STEM ở Thanh Hóa?"), AFTER_TASK));
        assertFalse(u.followUp());
        assertEquals("Thanh Hóa", u.province());
        assertFalse(u.content().contains("chiến dịch"), u.content());
    }

    /** Issue 10, item 6: after an FAQ answer, a question about an agency is a new subject, not the FAQ again. */
    @Test
    void anAgencyQuestionAfterAnFaqIsANewSubject() {
        String q = "Sở Nội vụ Bình Định chủ trì nhiệm vụ gì?";
        assertEquals(DialogueRules.Rule.NEW_SUBJECT, rules.rule(understander.read(q), AFTER_FAQ));
        Understanding u = merge(q, AFTER_FAQ);
        assertTrue(u.intent() != Intent.FAQ, u.intent().toString());
        assertNotNull(u.agency());
    }

    @Test
    void aRefusalNeverLeansOnTheConversation() {
        assertEquals(DialogueRules.Rule.FRESH,
                rules.rule(understander.read("cho tôi số điện thoại riêng của ông ấy"), AFTER_TASK));
    }

    @Test
    void aChosenProvinceAppliesOnlyWhenNoneIsNamed() {
        Reading r = understander.read("Mục tiêu năm 2025 về dịch vụ công trực tuyến?");
        assertEquals("Thanh Hóa", rules.merge(r, DialogueState.EMPTY, "Thanh Hóa").province());
        Reading named = understander.read("Mục tiêu năm 2025 của Đồng Nai về dịch vụ công trực tuyến?");
        assertEquals("Đồng Nai", rules.merge(named, DialogueState.EMPTY, "Thanh Hóa").province());
    }
}

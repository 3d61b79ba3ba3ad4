package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FAQ entry chosen for what the question is distinctively about (the fee, the course, the other commune),
 * whether typed with or without diacritics; and the honest "not covered, ask here" when no entry holds it.
 */
@MicronautTest(startApplication = false)
class FaqAnswererTest {

    @Inject
    AssistantService service;
    @Inject
    FaqAnswerer faqs;

    private Understanding read(String q) {
        return service.understand(q, DialogueState.EMPTY, null);
    }

    private String chosen(String q) {
        Understanding u = read(q);
        List<FaqAnswerer.Ranked> ranked = faqs.ranked(u, u.placeContent());
        assertFalse(ranked.isEmpty(), q);
        return ranked.get(0).entry().id();
    }

    private Answer ask(String q) {
        return service.answer(new Question(q, "faq-" + System.nanoTime(), "test"));
    }

    @Test
    void aQuestionAboutPayingAFeeGetsAPaymentEntryNotTheDefinitionOfOnlineServices() {
        assertTrue(chosen("Đóng lệ phí thủ tục hành chính trực tuyến như thế nào?").startsWith("thanh-toan-"));
        assertTrue(chosen("dong le phi dich vu cong truc tuyen the nao").startsWith("thanh-toan-"));
    }

    @Test
    void submittingInAnotherCommuneGetsTheEntryOnAdministrativeBoundaries() {
        // Typed without diacritics: the phrasing "… Trung tâm Phục vụ hành chính công của xã khác …" is compared
        // folded, so it is not outmatched by the definition of the centre
        String q = "minh o phuong nay, nop ho so tai trung tam phuc vu hanh chinh cong cua phuong khac duoc khong";
        assertEquals("dvc-nop-khong-phu-thuoc-dia-gioi", chosen(q));
        Answer a = ask(q);
        assertFalse(a.fallback(), a.text());
        assertTrue(Fold.fold(a.text()).contains("dia gioi"), a.text());
    }

    @Test
    void aFreeCourseIsNotAFreeDigitalSignatureWithOrWithoutDiacritics() {
        assertEquals("kns-hoc-mien-phi", chosen("có khóa học kỹ năng số nào miễn phí không?"));
        assertEquals("kns-hoc-mien-phi", chosen("co khoa hoc ky nang so nao mien phi khong"));
        Answer a = ask("co khoa hoc ky nang so nao mien phi khong");
        assertFalse(a.fallback(), a.text());
        assertFalse(Fold.fold(a.text()).contains("chu ky so"), a.text());
    }

    @Test
    void aQuestionNoEntryCoversGetsWhereToAskNotTheNearestEntry() {
        String q = "Xin giấy phép lái xe quốc tế trên cổng dịch vụ công được không?";
        Optional<Reply> r = faqs.answer(read(q));
        assertTrue(r.isPresent());
        assertTrue(r.get().fallback(), r.get().text());
        String text = Fold.fold(r.get().text());
        assertTrue(text.contains("bo phan mot cua") && text.contains("to cong nghe so cong dong"), r.get().text());
        // the nearest entry is a suggestion, never the answer
        assertEquals(1, r.get().suggestions().size());
        assertFalse(r.get().text().contains(r.get().suggestions().get(0)));
        Answer a = ask(q);
        assertTrue(a.fallback(), a.text());
    }

    @Test
    void anInformalWordForWhatTheEntrySaysOtherwiseStillGetsTheEntry() {
        // "app" is in a few entries, never in the one on level-1 registration ("ứng dụng"): no sign of a gap
        Answer a = ask("dang ky dinh danh muc 1 tren app lam sao");
        assertFalse(a.fallback(), a.text());
        assertTrue(Fold.fold(a.text()).contains("khuon mat"), a.text());
    }
}

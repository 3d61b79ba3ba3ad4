package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.text.Fold;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sections named by number, matched against each plan's own outline: whole path, the tail of a path, a
 * lettered item with or without its diacritic, the item of a part about a named body, a follow-up on the
 * plan of the conversation, and an honest absence naming the plan's parts.
 */
@MicronautTest(startApplication = false)
class SectionAnswererTest {

    @Inject
    AssistantService service;
    @Inject
    SectionAnswerer sections;
    @Inject
    Knowledge knowledge;

    private Optional<Reply> ask(String q) {
        return sections.answer(service.understand(q, DialogueState.EMPTY, null));
    }

    private static Reply answered(Optional<Reply> r, String... folded) {
        assertTrue(r.isPresent(), "a section answer");
        assertFalse(r.get().fallback(), "should answer: " + r.get().text());
        String text = Fold.fold(r.get().text());
        for (String f : folded) {
            assertTrue(text.contains(f), "answer contains '" + f + "': " + r.get().text());
        }
        return r.get();
    }

    @Test
    void referencesAreReadFromThePhrasing() {
        assertEquals("III.1.đ", SectionAnswerer.reference("Mục III.1.đ của kế hoạch 179 nói gì?"));
        assertEquals("4.5", SectionAnswerer.reference("muc 4.5 trong du thao"));
        assertEquals("V.7", SectionAnswerer.reference("Mục V . 7 giao cho ai?"));
        assertEquals("II", SectionAnswerer.reference("phần II của kế hoạch"));
        assertNull(SectionAnswerer.reference("mục tiêu năm 2025 là gì?"));
        assertNull(SectionAnswerer.reference("mục đích của kế hoạch"));
    }

    @Test
    void aWholePathIsTheSectionItselfCited() {
        Reply r = answered(ask("Mục V.7 của kế hoạch 53 Thanh Hóa giao nhiệm vụ cho ai?"), "muc v.7", "53/kh-ubnd", "bao chi");
        assertEquals("V.7", r.sources().get(0).section());
        assertEquals(DialogueState.SECTION, r.session().unitKind());
    }

    @Test
    void aLetteredItemKeepsItsDiacritic() {
        answered(ask("Mục III.1.đ của kế hoạch 179 nói gì về chuyển đổi AI?"), "chuyen doi ai", "bai toan");
        // typed without the diacritic, the only item of that name still answers
        answered(ask("muc iii.1.đ ke hoach 179 dong nai"), "chuyen doi ai");
    }

    @Test
    void aNumberIsFoundAsTheTailOfALongerPath() {
        Reply r = answered(ask("muc 4.5 trong du thao ke hoach dong nai noi ve viec gi?"), "du bao");
        assertEquals("III.4.5", r.sources().get(0).section());
    }

    @Test
    void theItemAboutTheNamedBodyWithinAPart() {
        Reply r = answered(ask("Mục IV của KH 617 giao Sở Văn hóa, Thể thao và Du lịch làm gì?"), "dinh huong");
        assertEquals("IV.4", r.sources().get(0).section());
    }

    @Test
    void aSectionThePlanDoesNotHaveIsAnHonestAbsence() {
        Optional<Reply> r = ask("Mục IX của kế hoạch 53 Thanh Hóa nói gì?");
        assertTrue(r.isPresent());
        assertTrue(r.get().fallback(), r.get().text());
        String text = Fold.fold(r.get().text());
        assertTrue(text.contains("khong tim thay muc ix"), r.get().text());
        assertTrue(text.contains("to chuc thuc hien"), "names the plan's parts: " + r.get().text());
    }

    @Test
    void aFollowUpNamesOnlyTheSectionOfThePlanDiscussed() {
        Reply first = answered(ask("Mục V.7 của kế hoạch 53 Thanh Hóa giao nhiệm vụ cho ai?"));
        Optional<Reply> next = sections.answer(service.understand("còn mục V.2 thì sao?", first.session(), null));
        Reply r = answered(next, "so noi vu");
        assertEquals("thanh-hoa-2022", r.sources().get(0).planId());
    }

    @Test
    void withoutAPlanASectionNumberIsNotGuessed() {
        assertTrue(ask("mục II.1 nói gì?").isEmpty());
    }
}

package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message is read as people write it: small talk never claims a plan question, English and mixed
 * questions read like their Vietnamese counterparts, phone typing is repaired against the corpus vocabulary,
 * and facets named by other words ("đầu mối", "mất bao lâu") are recognised.
 */
@MicronautTest(startApplication = false)
class ReadingAsTypedTest {

    @Inject
    Understander understander;
    @Inject
    MessageNormaliser normaliser;
    @Inject
    DialogueRules rules;
    @Inject
    AssistantService assistant;

    private Answer ask(String question, String session) {
        return assistant.answer(new Question(question, session, "test"));
    }

    @Nested
    class SmallTalk {
        @ParameterizedTest
        @ValueSource(strings = {"Mục VI của KH 179 là phần gì?", "Muc IV cua KH 308 Ha Noi noi ve gi?",
                "KH 179 có target nào về e-commerce không?", "Bạn là ai mà biết Sở Nội vụ Bình Định chủ trì gì?"})
        void aMessageNamingAPlanOrItsContentIsNeverSmallTalk(String q) {
            assertFalse(understander.read(q).intent().isSmallTalk(), q + " → " + understander.read(q).intent());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"bạn là ai?|IDENTITY", "chào bạn|GREETING", "cảm ơn bạn nhiều|THANKS"})
        void smallTalkStillGetsItsReply(String q, Intent intent) {
            assertEquals(intent, understander.read(q).intent(), q);
        }

        @Test
        void aSectionQuestionIsAnsweredFromTheSectionNotWithTheIdentityReply() {
            Answer a = ask("Muc IV cua KH 308 Ha Noi noi ve gi?", UUID.randomUUID().toString());
            assertFalse(a.text().startsWith("Tôi là trợ lý ảo"), a.text());
            assertTrue(a.text().contains("308"), a.text());
        }
    }

    @Nested
    class English {
        @Test
        void anEnglishQuestionIsReadLikeItsVietnameseCounterpart() {
            Reading r = understander.read(
                    "Who leads the digital skills training programme for civil servants and residents in Hanoi plan 308?");
            assertEquals(Facet.LEAD, r.facet());
            assertEquals("Hà Nội", r.entities().province().name());
            assertTrue(r.text().contains("kỹ năng số"), r.text());
            assertTrue(r.text().contains("kế hoạch 308"), r.text());
            Reading share = understander.read(
                    "What share of GRDP should the digital economy reach in Dong Nai by 2030 under plan 179?");
            assertEquals(Facet.FIGURE, share.facet());
            assertEquals(2030, share.specifics().year());
            assertTrue(share.text().contains("kinh tế số"), share.text());
        }

        @Test
        void englishLoanwordsInAVietnameseQuestion() {
            assertEquals(Facet.FIGURE, understander.read("KPI cua KH 617 Dong Thap cho nam 2030 la gi?").facet());
            assertTrue(normaliser.normalise("Co khoa hoc digital skills mien phi nao khong?").contains("kỹ năng số"));
            assertTrue(normaliser.normalise("KH 179 có target nào về e-commerce không?")
                    .contains("mục tiêu nào về thương mại điện tử"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"do ai chủ trì an toàn thông tin?", "nhiệm vụ do Sở Nội vụ chủ trì là gì",
                "Ha Noi to chuc thi an toan thong tin the nao"})
        void vietnameseWordsThatLookEnglishAreLeftAlone(String q) {
            assertEquals(q, normaliser.normalise(q));
        }

        @Test
        void anEnglishQuestionGetsAVietnameseAnswer() {
            Answer a = ask("How do I log in to the national public service portal?", UUID.randomUUID().toString());
            assertFalse(a.fallback(), a.text());
            assertTrue(a.text().contains("VNeID"), a.text());
        }

        @Test
        void anEnglishQuestionAskingASumTheDocumentDoesNotHoldIsAnHonestAbsence() {
            assertTrue(understander.read("What is the budget in VND allocated to Hanoi plan 308?").specifics().amount());
        }

        @Test
        void offDomainEnglishIsStillRefused() {
            Answer a = ask("What is the weather in London tomorrow?", UUID.randomUUID().toString());
            assertTrue(a.fallback(), a.text());
        }

        @Test
        void aFacetOnlyFollowUpInVietnameseKeepsTheTaskOfAnEnglishQuestion() {
            String session = UUID.randomUUID().toString();
            Answer first = ask("Who leads the digital skills training programme in Hanoi plan 308?", session);
            assertFalse(first.fallback(), first.text());
            Answer next = ask("vậy ai phối hợp?", session);
            assertFalse(next.fallback(), next.text());
            assertTrue(next.text().contains("308"), next.text());
        }
    }

    @Nested
    class PhoneTyping {
        @Test
        void aLetterTypedTwiceIsRepairedWhenTheCorpusUsesTheWordWithoutIt() {
            assertEquals("KH 179 Đồng Nai ai ký vậy", normaliser.normalise("KH179 Đồng Nai ai kýy vậyy"));
            assertEquals("đề án nhân lực CNTT Bình Phước", normaliser.normalise("đề án nhân lựcc CNTT Bình Phướcc"));
        }

        @Test
        void telexLeftoversShorthandAndMissingSpaces() {
            assertEquals("ai chủ tri", normaliser.normalise("ai chur tri"));
            assertEquals("co nhiem vu nao ve STEM không?", normaliser.normalise("co nhiem vu nao ve STEM ko?"));
            assertEquals("Ai chủ trì ke hoach tuyen truyen", normaliser.normalise("Ai chủ trì kehoach tuyen truyen"));
            assertEquals("gì được", normaliser.normalise("j dc"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sở Giáo dục và Đào tạo chủ trì nhiệm vụ gì?", "VNeID là gì?", "Tổ công nghệ số cộng đồng",
                "MOOCs CNTT TT&TT 2025"})
        void wordsTheCorpusUsesAreNeverTouched(String q) {
            assertEquals(q, normaliser.normalise(q));
        }

        @Test
        void aRepairedQuestionIsAnsweredLikeTheCleanOne() {
            Answer typed = ask("KH179 Đồng Nai ai kýy vậyy", UUID.randomUUID().toString());
            Answer clean = ask("KH 179 Đồng Nai ai ký vậy", UUID.randomUUID().toString());
            assertFalse(typed.fallback(), typed.text());
            assertEquals(clean.text(), typed.text());
        }
    }

    @Nested
    class FacetsByOtherWords {
        @Test
        void theFocalPointBodyIsTheLeadNotAFigure() {
            Reading r = understander.read("KH617 co quan dau moi la so nao vay ak");
            assertEquals(Facet.LEAD, r.facet());
            assertFalse(r.specifics().number(), "«sở nào» asks for the agency");
            // a hotline asked by "số nào" still asks for a number
            assertTrue(understander.read("Tổng đài dịch vụ công là số nào?").specifics().number());
        }

        @ParameterizedTest
        @ValueSource(strings = {"việc này mất bao lâu?", "nhiệm vụ đó xong khi nào?", "trong bao lâu thì xong"})
        void howLongAndWhenDoneAskTheTimeline(String q) {
            assertEquals(Facet.TIMELINE, understander.read(q).facet(), q);
        }

        @Test
        void aFacetOnlyFollowUpByOtherWordsKeepsTheTask() {
            DialogueState afterTask = new DialogueState("task_who", "LEAD", "chiến dịch truyền thông", "Bình Định", null,
                    "binh-dinh-2022", DialogueState.TASK, "1.1", null, "ai chu tri chien dich truyen thong");
            assertEquals(DialogueRules.Rule.FACET_ONLY, rules.rule(understander.read("mất bao lâu vậyy?"), afterTask));
            assertNotEquals(DialogueRules.Rule.FRESH, rules.rule(understander.read("co quan dau moi la so nao?"), afterTask));
        }

        @Test
        void aFacetAskedOfAnotherPlanDoesNotKeepTheUnitOfTheFirst() {
            DialogueState after597 = new DialogueState("task_who", "LEAD", "kết cấu hạ tầng giao thông", "Đồng Tháp", null,
                    "dong-thap-597-2025", DialogueState.TASK, "V.1", null, "so nao chu tri ket cau ha tang giao thong");
            assertNotEquals(DialogueRules.Rule.FACET_ONLY,
                    rules.rule(understander.read("Còn trong KH 617 của Đồng Tháp thì cơ quan đầu mối là sở nào?"), after597));
            // the same plan named again: still a facet of the task under discussion
            assertEquals(DialogueRules.Rule.FACET_ONLY,
                    rules.rule(understander.read("trong KH 597 thì ai phối hợp?"), after597));
        }
    }
}

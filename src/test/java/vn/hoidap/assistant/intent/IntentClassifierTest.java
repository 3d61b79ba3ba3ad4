package vn.hoidap.assistant.intent;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentClassifierTest {

    /** In the style of OpenNLP's DocumentCategorizerMETest: a tiny inline corpus, fixed parameters. */
    @Nested
    class InlineSamples {

        private final IntentClassifier classifier = IntentClassifier.train(List.of(
                sample("greeting", "xin chào"),
                sample("greeting", "chào bạn"),
                sample("greeting", "chào buổi sáng"),
                sample("task_who", "ai chủ trì nhiệm vụ này"),
                sample("task_who", "đơn vị nào chủ trì"),
                sample("task_who", "đơn vị nào phối hợp"),
                sample("targets", "mục tiêu đến năm 2025"),
                sample("targets", "chỉ tiêu năm 2030 là bao nhiêu"),
                sample("targets", "mục tiêu của kế hoạch")));

        @Test
        void picksTheCategoryOfTheClosestSamples() {
            assertEquals("task_who", classifier.classify("Ai chủ trì?").intent());
            assertEquals("targets", classifier.classify("mục tiêu năm 2030").intent());
            assertEquals("greeting", classifier.classify("Chào bạn nhé").intent());
        }

        @Test
        void treatsTextWithoutDiacriticsLikeTextWithThem() {
            IntentPrediction accented = classifier.classify("Đơn vị nào phối hợp?");
            IntentPrediction plain = classifier.classify("don vi nao phoi hop");
            assertEquals("task_who", plain.intent());
            assertEquals(accented.confidence(), plain.confidence(), 1e-12);
        }

        @Test
        void ranksTheOtherIntentsBelowTheBest() {
            IntentPrediction p = classifier.classify("ai chủ trì");
            assertEquals(Set.of("greeting", "targets"),
                    Set.copyOf(p.alternatives().stream().map(IntentPrediction.IntentScore::intent).toList()));
            double previous = p.confidence();
            double sum = p.confidence();
            for (IntentPrediction.IntentScore s : p.alternatives()) {
                assertTrue(s.score() <= previous, "alternatives must be ranked best first");
                previous = s.score();
                sum += s.score();
            }
            assertEquals(1.0, sum, 1e-9);
        }

        @Test
        void answersBlankOrPunctuationOnlyTextWithALowConfidenceGuess() {
            for (String text : new String[] {"", "   ", "???", null}) {
                IntentPrediction p = classifier.classify(text);
                assertTrue(classifier.intents().contains(p.intent()));
                assertTrue(p.confidence() < 0.6, "no evidence should not look like certainty: " + p);
            }
        }

        @Test
        void trainsTheSameModelEveryTime() {
            IntentClassifier again = IntentClassifier.train(List.of(
                    sample("greeting", "xin chào"),
                    sample("greeting", "chào bạn"),
                    sample("greeting", "chào buổi sáng"),
                    sample("task_who", "ai chủ trì nhiệm vụ này"),
                    sample("task_who", "đơn vị nào chủ trì"),
                    sample("task_who", "đơn vị nào phối hợp"),
                    sample("targets", "mục tiêu đến năm 2025"),
                    sample("targets", "chỉ tiêu năm 2030 là bao nhiêu"),
                    sample("targets", "mục tiêu của kế hoạch")));
            String text = "mục tiêu ai chủ trì";
            assertEquals(classifier.classify(text), again.classify(text));
        }
    }

    /** The committed examples, asked with phrasings that are not in them. */
    @Nested
    class CommittedIntents {

        private static final IntentClassifier CLASSIFIER = IntentClassifier.train(Path.of("corpus/intents"));

        @Test
        void knowsEveryIntentTheAssistantAnswers() {
            assertEquals(Set.of("agency_tasks", "task_who", "task_when", "task_result", "targets", "deadlines",
                    "plan_facts", "faq", "greeting", "thanks", "identity", "capabilities", "out_of_scope"),
                    CLASSIFIER.intents());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Sở Y tế Thanh Hóa được giao những nhiệm vụ gì trong kế hoạch?|agency_tasks",
            "so noi vu gia lai co nhung nhiem vu gi|agency_tasks",
            "Ai chủ trì nhiệm vụ tổ chức hội thảo về chuyển đổi số ở Đồng Nai?|task_who",
            "don vi nao phoi hop xay dung chuyen muc chuyen doi so|task_who",
            "Tổ chức cuộc thi tìm hiểu chuyển đổi số thực hiện vào thời gian nào?|task_when",
            "Mục tiêu năm 2030 của Đồng Nai về dịch vụ công trực tuyến là gì?|targets",
            "Các đơn vị phải gửi báo cáo trước ngày nào hằng năm?|deadlines",
            "Kế hoạch của Đồng Nai do ai ký?|plan_facts",
            "kinh phi thuc hien de an lay tu dau|plan_facts",
            "Làm sao đăng nhập dịch vụ công bằng VNeID?|faq",
            "Chào trợ lý nhé|greeting",
            "cảm ơn bạn nhiều lắm|thanks",
            "Bạn là ai vậy?|identity",
            "Bạn giúp được tôi những gì?|capabilities",
            "Bảng giá đất Bình Định năm 2025|out_of_scope",
            "Lịch thi đấu bóng đá tối nay|out_of_scope",
        })
        void classifiesUnseenPhrasings(String text, String intent) {
            assertEquals(intent, CLASSIFIER.classify(text).intent(), () -> text + " → " + CLASSIFIER.classify(text));
        }
    }

    private static IntentExample sample(String intent, String text) {
        return new IntentExample(intent, text);
    }
}

package vn.hoidap.corpus;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, as an operator does it: a temporary corpus folder (the committed corpus without its plans) gets one
 * other province's plan and a new plan whose YAML holds metadata only — no signer, number, date, task, target or
 * duty. The service starts on that folder and the assistant, asked through {@code /api/chat}, answers from what
 * the extractor found in the document: who signed it, who leads one of its appendix tasks, what a target says,
 * each answer naming the plan by the number and date the document prints.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewPlanChatTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Path corpus = MetadataOnlyPlan.corpusWith(Set.of("binh-dinh-2022"));
        // A first answer on a loaded machine may take longer than the client's default 10 s.
        return Map.of("hoidap.corpus.dir", corpus.toString(), "micronaut.http.client.read-timeout", "120s");
    }

    @Test
    void theSignerComesFromTheDocumentsEndMatter() {
        Map<String, Object> a = ask("Ai ký kế hoạch chuyển đổi số cho doanh nghiệp của tỉnh Đồng Tháp?");
        String answer = (String) a.get("answer");
        assertTrue(answer.contains("Huỳnh Minh Tuấn"), answer);
        assertTrue(answer.contains("617/KH-UBND") && answer.contains("01/12/2025"), "names its plan: " + answer);
        assertTrue(planIds(a).contains("thu-nghiem-2025"), a.toString());
    }

    @Test
    void aTaskOfTheAppendixTableIsAnsweredWithItsLeadAgency() {
        Map<String, Object> a = ask("Ai chủ trì triển khai nền tảng đào tạo trực tuyến mở đại trà ở Đồng Tháp?");
        String answer = (String) a.get("answer");
        assertEquals(Boolean.FALSE, a.get("fallback"), answer);
        assertTrue(answer.contains("Sở Khoa học và Công nghệ"), answer);
        assertTrue(answer.contains("617/KH-UBND"), "names its plan: " + answer);
        assertTrue(sections(a).contains("PL.I.1"), "cites the table row it came from: " + a.get("sources"));
    }

    @Test
    void aTargetIsAnsweredWithItsFigureAndSection() {
        Map<String, Object> a = ask("Chỉ tiêu của Đồng Tháp về doanh nghiệp ứng dụng công nghệ số đến năm 2025 là bao nhiêu?");
        String answer = (String) a.get("answer");
        assertEquals(Boolean.FALSE, a.get("fallback"), answer);
        assertTrue(answer.contains("30%"), answer);
        assertFalse(answer.contains("không đặt mục tiêu"), "the plan has a targets part: " + answer);
        assertTrue(sections(a).contains("II.1.a"), "cites the item as the document numbers it: " + a.get("sources"));
    }

    private Map<String, Object> ask(String question) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/chat", Map.of("message", question)),
                Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<String> planIds(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("sources")).stream().map(s -> String.valueOf(s.get("planId")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> sections(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("sources")).stream().map(s -> String.valueOf(s.get("section")))
                .toList();
    }
}

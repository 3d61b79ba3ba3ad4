package vn.hoidap.assistant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Plan;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plan selection over the committed corpus, where Đồng Nai has a 2022 plan (and its draft) and plan 179 of 2025. */
@MicronautTest(startApplication = false)
class PlanSelectorTest {

    @Inject
    Understander understander;

    @Inject
    DialogueRules rules;

    @Inject
    PlanSelector selector;

    private PlanSelector.Selection select(String question) {
        Reading r = understander.read(question);
        return selector.select(rules.merge(r, DialogueState.EMPTY, null), r.entities().wantsDraft());
    }

    private static List<String> ids(List<Plan> plans) {
        return plans.stream().map(Plan::id).toList();
    }

    @Test
    void aDocumentNumberSelectsThePlan() {
        PlanSelector.Selection s = select("Kế hoạch 179 của Đồng Nai do ai ký?");
        assertEquals(List.of("dong-nai-179-2025"), ids(s.plans()));
        assertTrue(ids(s.others()).contains("dong-nai-2022"));
    }

    @Test
    void aYearSelectsThePlanWhoseHorizonCoversIt() {
        List<String> ids = ids(select("Đồng Nai đặt mục tiêu gì cho năm 2025?").plans());
        assertEquals("dong-nai-2022", ids.get(0));
        assertTrue(!ids.contains("dong-nai-179-2025"), ids.toString());
    }

    @Test
    void aTopicSelectsThePlan() {
        assertEquals("dong-nai-179-2025", ids(select("Kế hoạch kinh tế số và xã hội số của Đồng Nai giao gì cho Sở Công Thương?").plans()).get(0));
    }

    @Test
    void aPeriodSelectsThePlanWhoseHorizonFitsItBest() {
        assertEquals(List.of("dong-nai-179-2025"),
                ids(select("ai triển khai nền tảng hóa đơn điện tử quốc gia ở Đồng Nai giai đoạn 2026-2030").plans()));
    }

    @Test
    void oneSharedTitlePairOnlyOrdersThePlans() {
        // "hạ tầng" is in the title of Đồng Tháp's transport plan; the 5G task is in its business plan
        List<String> ids = ids(select("Ai phối hợp triển khai hạ tầng 5G, IoT trong các khu công nghiệp ở Đồng Tháp?").plans());
        assertTrue(ids.contains("dong-thap-617-2025") && ids.contains("dong-thap-597-2025"), ids.toString());
    }

    @Test
    void commonWordsOfATitleAreNoTopic() {
        // "triển khai" is in half the corpus: it does not pick the 2022 plan whose title has it
        List<String> ids = ids(select("Kế hoạch triển khai Chiến lược dữ liệu quốc gia ở Đồng Nai do ai làm?").plans());
        assertTrue(ids.contains("dong-nai-179-2025"), ids.toString());
    }

    @Test
    void withoutACueTheNewestComesFirstAndTodaysProvinceBringsTheMergedOnes() {
        List<String> ids = ids(select("Đồng Nai giao gì cho Sở Nội vụ?").plans());
        assertEquals("dong-nai-179-2025", ids.get(0));
        assertTrue(ids.contains("dong-nai-2022") && ids.contains("binh-phuoc-2022"), ids.toString());
        assertTrue(!ids.contains("dong-nai-2022-draft"), "drafts only when asked: " + ids);
    }

    @Test
    void aDraftOnlyWhenAskedFor() {
        assertEquals(List.of("dong-nai-2022-draft"), ids(select("Trong dự thảo kế hoạch của Đồng Nai ai chủ trì?").plans()));
    }

    @Test
    void aPlanPeriodStartsAtItsStatedPeriod() {
        PlanSelector.Profile p = selector.profile("dong-nai-179-2025");
        assertEquals(2026, p.from());
        assertEquals(2030, p.to());
    }

    @Test
    void aNumberOfferedForCheckingIsAGuessNotAChoice() {
        // "… nằm trong kế hoạch nào, có phải KH 179 không?": every plan of the province is searched
        List<String> ids = ids(select("Mục tiêu 70% người dân biết dùng dịch vụ công ở Đồng Nai có phải của KH 179 không?").plans());
        assertTrue(ids.contains("dong-nai-179-2025") && ids.contains("dong-nai-2022"), ids.toString());
        // a number that only names the plan still selects it
        assertEquals(List.of("dong-nai-179-2025"), ids(select("KH 179 của Đồng Nai có mục tiêu về dịch vụ công không?").plans()));
    }

    @Test
    void theIssuedTextNamedBesideTheDraftIsTheOneAsked() {
        List<String> ids = ids(select("Bản dự thảo Đồng Nai không có chỉ tiêu này, vậy bản chính thức đặt bao nhiêu kỹ sư cho năm 2025?").plans());
        assertTrue(!ids.contains("dong-nai-2022-draft"), ids.toString());
        // comparing the two still reads the draft
        assertEquals(List.of("dong-nai-2022-draft"),
                ids(select("Dự thảo kế hoạch Đồng Nai khác bản chính thức thế nào?").plans()));
    }

    @Test
    void aFormerProvinceNamedBesideTodaysLetsItsPlanWinOnTopic() {
        List<String> ids = ids(select("Tỉnh Đồng Nai hiện nay (gồm cả Bình Phước cũ) có đề án phát triển nguồn nhân lực CNTT nào?").plans());
        assertEquals("binh-phuoc-2022", ids.get(0), ids.toString());
    }
}

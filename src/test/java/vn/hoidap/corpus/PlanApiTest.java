package vn.hoidap.corpus;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@SuppressWarnings("unchecked")
class PlanApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Map<String, Object> get(String path, String... params) {
        UriBuilder uri = UriBuilder.of(path);
        for (int i = 0; i < params.length; i += 2) {
            uri.queryParam(params[i], params[i + 1]);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException failure(String path, String... params) {
        return assertThrows(HttpClientResponseException.class, () -> get(path, params));
    }

    private static String error(HttpClientResponseException e) {
        return String.valueOf(e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow().get("error"));
    }

    private static List<Map<String, Object>> results(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("results");
    }

    private static Map<String, Object> task(Map<String, Object> result) {
        return (Map<String, Object>) result.get("task");
    }

    @Nested
    class Plans {

        @Test
        void listsEveryPlanIssuedFirstWithStatusLabels() {
            List<Map<String, Object>> plans = client.toBlocking()
                    .retrieve(HttpRequest.GET("/api/plans"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
            assertEquals(CorpusCount.plans(), plans.size());
            Map<String, Object> last = plans.get(plans.size() - 1);
            assertEquals("dong-nai-2022-draft", last.get("id"));
            assertEquals("Dự thảo", last.get("statusLabel"));
            Map<String, Object> bd = plans.stream().filter(p -> p.get("id").equals("binh-dinh-2022")).findFirst().orElseThrow();
            assertEquals("Đã ban hành", bd.get("statusLabel"));
            assertEquals(14, ((Number) bd.get("taskCount")).intValue());
            assertEquals("clean", bd.get("textQuality"));
        }

        @Test
        void aDraftIsLabelledAndPointsToTheIssuedPlan() {
            Map<String, Object> draft = get("/api/plans/dong-nai-2022-draft");
            assertEquals("Dự thảo", draft.get("statusLabel"));
            assertEquals("dong-nai-2022", ((Map<String, Object>) draft.get("issuedPlan")).get("id"));
            assertTrue(String.valueOf(draft.get("note")).contains("Dự thảo"));
            Map<String, Object> issued = get("/api/plans/dong-nai-2022");
            assertNull(issued.get("note"));
            assertEquals("dong-nai-2022-draft", ((List<Map<String, Object>>) issued.get("drafts")).get(0).get("id"));
        }

        @Test
        void aPlanComesWithFactsTasksTargetsDeadlinesAndResponsibilities() {
            Map<String, Object> plan = get("/api/plans/dong-nai-2022");
            assertEquals(19, ((List<?>) plan.get("tasks")).size());
            assertFalse(((List<?>) plan.get("targets")).isEmpty());
            // 20/11, 15/12 and the report due when a problem arises (V's closing sentence)
            assertEquals(3, ((List<?>) plan.get("deadlines")).size());
            assertFalse(((List<?>) plan.get("responsibilities")).isEmpty());
            assertNotNull(((Map<String, Object>) plan.get("facts")).get("funding"));
            assertNotNull(plan.get("outline"));
            Map<String, Object> first = ((List<Map<String, Object>>) plan.get("tasks")).get(0);
            assertEquals("III.1.a", first.get("section"));
        }

        @Test
        void unknownPlanIs404InVietnamese() {
            HttpClientResponseException e = failure("/api/plans/khong-co");
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
            assertTrue(error(e).contains("Không tìm thấy kế hoạch"), error(e));
            assertTrue(error(e).contains("binh-dinh-2022"), error(e));
        }
    }

    @Nested
    class Tasks {

        @Test
        void todaysDepartmentFindsWhatTheDongNaiPlansGaveItsPredecessor() {
            Map<String, Object> body = get("/api/tasks", "agency", "Sở Khoa học và Công nghệ", "province", "Đồng Nai");
            List<Map<String, Object>> results = results(body);
            assertFalse(results.isEmpty());
            assertTrue(results.stream().allMatch(r -> List.of("dong-nai-179-2025", "dong-nai-2022", "dong-nai-2022-draft",
                    "binh-phuoc-2022").contains(r.get("planId"))));
            // The 2025 plan names Sở Khoa học và Công nghệ itself; the 2022 plans reach it through its predecessor.
            Map<String, Object> first = results.stream().filter(r -> !"dong-nai-179-2025".equals(r.get("planId")))
                    .findFirst().orElseThrow();
            assertEquals("dong-nai-2022", first.get("planId"));
            assertEquals(true, first.get("viaSuccession"));
            assertEquals("so-tttt", first.get("agencyId"));
            Map<String, Object> succession = (Map<String, Object>) first.get("succession");
            assertEquals("Sở Khoa học và Công nghệ", succession.get("toName"));
            assertEquals("2025-03-01", succession.get("effective"));
            assertTrue(String.valueOf(body.get("note")).contains("01/3/2025"), String.valueOf(body.get("note")));
            assertEquals(List.of("Bình Phước"), ((Map<String, Object>) body.get("province")).get("mergedFrom"));
            Map<String, Object> binhPhuoc = results.stream().filter(r -> r.get("planId").equals("binh-phuoc-2022"))
                    .findFirst().orElseThrow();
            assertEquals("Đồng Nai", binhPhuoc.get("provinceToday"));
            assertEquals("Sở Thông tin và Truyền thông", binhPhuoc.get("agencyName"));
        }

        @Test
        void issuedResultsComeBeforeLabelledDraftResults() {
            List<Map<String, Object>> results = results(get("/api/tasks", "agency", "sở tttt", "province", "dong nai",
                    "role", "lead"));
            int firstDraft = -1;
            for (int i = 0; i < results.size(); i++) {
                if (Boolean.TRUE.equals(results.get(i).get("draft"))) {
                    assertEquals("Dự thảo", results.get(i).get("statusLabel"));
                    firstDraft = firstDraft < 0 ? i : firstDraft;
                } else {
                    assertTrue(firstDraft < 0, "issued result after a draft one at " + i);
                }
            }
            assertTrue(firstDraft > 0, "both issued and draft results");
            assertTrue(results.stream().allMatch(r -> "lead".equals(r.get("role"))));
            // The issued plan gives task 1.a to Sở TT&TT alone; the draft gives it to Sở Nội vụ as well.
            assertTrue(results.stream().anyMatch(r -> task(r).get("section").equals("III.1.a")));
        }

        @Test
        void roleSeparatesLeadFromCoordination() {
            List<Map<String, Object>> coordinate = results(get("/api/tasks", "agency", "Sở Nội vụ", "province",
                    "Đồng Nai", "role", "coordinate"));
            assertTrue(coordinate.stream().anyMatch(r -> r.get("planId").equals("dong-nai-2022")
                    && task(r).get("section").equals("III.1.a")));
            List<Map<String, Object>> lead = results(get("/api/tasks", "agency", "Sở Nội vụ", "province",
                    "Đồng Nai", "role", "lead"));
            assertTrue(lead.stream().noneMatch(r -> r.get("planId").equals("dong-nai-2022")
                    && task(r).get("section").equals("III.1.a")));
            assertTrue(lead.stream().anyMatch(r -> r.get("planId").equals("dong-nai-2022-draft")
                    && task(r).get("section").equals("III.1.1")));
        }

        @Test
        void provinceInsideTheAgencyNameIsRead() {
            Map<String, Object> body = get("/api/tasks", "agency", "so khoa hoc va cong nghe dong nai");
            assertEquals("Đồng Nai", ((Map<String, Object>) body.get("province")).get("name"));
            assertEquals("so-khcn", ((Map<String, Object>) body.get("agency")).get("id"));
            assertFalse(results(body).isEmpty());
        }

        @Test
        void giaLaiLeadsToTheBinhDinhPlanAndTheProvincesStation() {
            Map<String, Object> body = get("/api/tasks", "province", "Gia Lai");
            List<Map<String, Object>> results = results(body);
            assertEquals(14, results.size());
            assertTrue(results.stream().allMatch(r -> r.get("planId").equals("binh-dinh-2022")
                    && "Gia Lai".equals(r.get("provinceToday")) && r.get("provinceNote") != null));
            List<Map<String, Object>> station = results(get("/api/tasks", "agency",
                    "Đài Phát thanh - Truyền hình Bình Định"));
            assertEquals(List.of("II.1.1", "II.1.2", "II.1.3", "II.1.5", "II.1.7"),
                    station.stream().map(r -> task(r).get("section")).toList());
        }

        @Test
        void unknownNamesAndBadRolesAre4xxInVietnamese() {
            HttpClientResponseException laoCai = failure("/api/tasks", "province", "Lào Cai");
            assertEquals(HttpStatus.NOT_FOUND, laoCai.getStatus());
            assertTrue(error(laoCai).contains("Lào Cai") && error(laoCai).contains("Bình Định"), error(laoCai));
            HttpClientResponseException atlantis = failure("/api/tasks", "province", "Atlantis");
            assertEquals(HttpStatus.BAD_REQUEST, atlantis.getStatus());
            assertTrue(error(atlantis).contains("Đồng Nai"), error(atlantis));
            HttpClientResponseException agency = failure("/api/tasks", "agency", "Sở Giao thông vận tải");
            assertEquals(HttpStatus.BAD_REQUEST, agency.getStatus());
            assertTrue(error(agency).contains("Không nhận ra cơ quan"), error(agency));
            HttpClientResponseException role = failure("/api/tasks", "agency", "Sở Nội vụ", "role", "boss");
            assertEquals(HttpStatus.BAD_REQUEST, role.getStatus());
            assertTrue(error(role).contains("role"), error(role));
        }
    }

    @Nested
    class Agencies {

        @Test
        void listsCanonicalAgenciesWithSuccessors() {
            List<Map<String, Object>> agencies = client.toBlocking()
                    .retrieve(HttpRequest.GET("/api/agencies"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
            Map<String, Object> tttt = agencies.stream().filter(a -> a.get("id").equals("so-tttt")).findFirst().orElseThrow();
            assertEquals("Sở Khoa học và Công nghệ", ((Map<String, Object>) tttt.get("successor")).get("toName"));
            Map<String, Object> khcn = agencies.stream().filter(a -> a.get("id").equals("so-khcn")).findFirst().orElseThrow();
            assertEquals("so-tttt", ((List<Map<String, Object>>) khcn.get("predecessors")).get(0).get("id"));
        }

        @Test
        void resolvesOneNameOrSays404() {
            List<Map<String, Object>> one = client.toBlocking().retrieve(
                    HttpRequest.GET(UriBuilder.of("/api/agencies").queryParam("name", "So LD TBXH").build()),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            assertEquals("so-ldtbxh", one.get(0).get("id"));
            HttpClientResponseException e = failure("/api/agencies", "name", "Sở Giao thông vận tải");
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        }
    }
}

package vn.hoidap.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;
import vn.hoidap.corpus.extract.OutlineParser;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every portal page over real HTTP (no browser): content, links, anchors, headers, errors and the no-JS chat. */
@MicronautTest
class PortalPagesTest {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d{2}-\\d{2}-\\d{2}\\b");
    private static final Pattern ANSWER_ID = Pattern.compile("data-answer-id=\"([0-9a-f-]{36})\"");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Knowledge knowledge;
    @Inject
    DataSource dataSource;
    @Inject
    MostAsked mostAsked;

    @Nested
    class Layout {

        @ParameterizedTest
        @ValueSource(strings = {"/", "/ke-hoach", "/ke-hoach/thanh-hoa-2022", "/ke-hoach/dong-nai-2022-draft",
                "/tinh/dong-nai", "/tinh/binh-dinh", "/co-quan", "/co-quan/so-noi-vu", "/co-quan/so-khcn",
                "/tim-kiem?q=chu+ky+so", "/hoi-dap", "/hoi-dap/vneid-dinh-danh", "/tro-ly/nhung-thu"})
        void everyPageHasTheLayoutUniqueIdsAndNoIsoDates(String path) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.getStatus().getCode(), path);
            String html = r.body();
            assertTrue(html.startsWith("<!DOCTYPE html>"), path);
            assertTrue(html.contains("<html lang=\"vi\">"), path);
            assertTrue(html.contains("name=\"viewport\""), path);
            assertTrue(html.contains("<a class=\"skip\" href=\"#noi-dung\">"), "skip link: " + path);
            assertTrue(html.contains("aria-label=\"Mục chính\"") && html.contains("href=\"/hoi-dap\""), "nav: " + path);
            assertTrue(html.contains("Cần giúp trực tiếp?") && html.contains("https://dichvucong.gov.vn"), "footer: " + path);
            if (!path.equals("/")) {
                assertTrue(html.contains("aria-label=\"Đường dẫn\""), "breadcrumbs: " + path);
            }
            List<String> ids = ids(html);
            assertEquals(new HashSet<>(ids).size(), ids.size(), "duplicate ids on " + path + ": " + duplicates(ids));
            Matcher iso = ISO_DATE.matcher(text(html));
            assertFalse(iso.find(), "an ISO date on " + path + ": " + (iso.find(0) ? iso.group() : ""));
        }

        @Test
        void everyResponseCarriesSecurityAndCacheHeaders() {
            for (String path : List.of("/", "/ke-hoach/thanh-hoa-2022", "/static/portal.css", "/api/plans")) {
                HttpResponse<String> r = get(path);
                String csp = r.getHeaders().get("Content-Security-Policy");
                assertNotNull(csp, path);
                assertTrue(csp.contains("frame-ancestors 'self'") && csp.contains("script-src 'self'")
                        && !csp.contains("unsafe-inline"), path + ": " + csp);
                assertEquals("nosniff", r.getHeaders().get("X-Content-Type-Options"), path);
                assertEquals("strict-origin-when-cross-origin", r.getHeaders().get("Referrer-Policy"), path);
                assertNotNull(r.getHeaders().get(HttpHeaders.CACHE_CONTROL), path);
            }
            assertEquals("public, max-age=86400", get("/static/chat.js").getHeaders().get(HttpHeaders.CACHE_CONTROL));
            assertEquals("public, max-age=300", get("/hoi-dap").getHeaders().get(HttpHeaders.CACHE_CONTROL));
        }

        @Test
        void browsersGetAnHtml404AndApiClientsKeepJson() {
            HttpResponse<String> page = get("/trang-khong-co");
            assertEquals(404, page.getStatus().getCode());
            assertTrue(page.getContentType().orElseThrow().getName().equals(MediaType.TEXT_HTML));
            assertTrue(page.body().contains("Không tìm thấy trang này") && page.body().contains("href=\"/ke-hoach\""));
            assertEquals("no-store", page.getHeaders().get(HttpHeaders.CACHE_CONTROL));

            HttpResponse<String> api = exchange(HttpRequest.GET("/api/khong-co").accept(MediaType.TEXT_HTML));
            assertEquals(404, api.getStatus().getCode());
            assertTrue(api.body().startsWith("{\"error\""), api.body());

            HttpResponse<String> json = exchange(HttpRequest.GET("/trang-khong-co").accept(MediaType.APPLICATION_JSON));
            assertTrue(json.body().startsWith("{\"error\""), json.body());

            for (String path : List.of("/ke-hoach/khong-co", "/co-quan/khong-co", "/tinh/khong-co", "/hoi-dap/khong-co")) {
                HttpResponse<String> r = get(path);
                assertEquals(404, r.getStatus().getCode(), path);
                assertTrue(r.body().contains("Không tìm thấy") && r.body().contains("<main"), path);
            }
        }

        @Test
        void wrongMethodOnAPageIsAnHtmlErrorNotA500() {
            HttpResponse<String> r = exchange(HttpRequest.DELETE("/hoi-dap").accept(MediaType.TEXT_HTML));
            assertEquals(405, r.getStatus().getCode());
            assertTrue(r.body().contains("Yêu cầu không thực hiện được"), r.body());
        }
    }

    @Nested
    class Home {

        @Test
        void listsProvincesByTodaysNameWithTheirFormerPlansAndTheFaqTopics() {
            String html = get("/").body();
            String provinces = section(html, "provinces-title");
            assertTrue(provinces.contains("Tỉnh Gia Lai") && provinces.contains("(tỉnh Bình Định cũ)"), provinces);
            assertTrue(provinces.contains("Tỉnh Đồng Nai") && provinces.contains("(tỉnh Bình Phước cũ)"), provinces);
            assertTrue(provinces.indexOf("/ke-hoach/dong-nai-2022\"") < provinces.indexOf("/ke-hoach/dong-nai-2022-draft\""),
                    "the issued plan before its draft");
            assertTrue(provinces.contains("Kế hoạch số 53/KH-UBND ngày 03/03/2022"), "plans named with number and date");
            assertTrue(html.contains("href=\"/hoi-dap/vneid-dinh-danh\""), "FAQ topics");
            assertTrue(html.contains("action=\"/tim-kiem\""), "a search box");
            assertFalse(html.contains("Sở Thông tin và Truyền thông Bình Định được giao"), "examples use today's names");
            String changes = section(html, "changes-title");
            assertTrue(changes.contains("Sở Thông tin và Truyền thông") && changes.contains("Sở Khoa học và Công nghệ")
                    && changes.contains("01/03/2025"), changes);
            assertTrue(changes.contains("tỉnh Bình Định") && changes.contains("tỉnh Gia Lai"), changes);
        }

        @Test
        void mostAskedShowsCorpusTextOnlyOnceEnoughPeopleAsked() throws Exception {
            FaqEntry faq = knowledge.faqs().stream().filter(f -> f.id().equals(faqIdAnsweringToantrinh())).findFirst()
                    .orElseThrow();
            String marker = "cho mình hỏi nhanh";
            List<String> answers = new ArrayList<>();
            // Three people (three sessions), each phrasing it their own way.
            for (String q : List.of(faq.question(), marker + " " + faq.question().toLowerCase(), faq.question() + " ạ")) {
                answers.add(answerId(post("/", Map.of("message", q)).body()));
            }
            await(() -> answers.stream().allMatch(id -> row(id).get("top_source") != null));
            assertTrue(answers.stream().allMatch(id -> (faq.url()).equals(row(id).get("top_source"))),
                    "all three answered by the FAQ entry");
            mostAsked.refresh();
            String home = get("/").body();
            String asked = section(home, "asked-title");
            assertTrue(asked.contains(faq.url()) && asked.contains(escape(faq.question())), asked);
            assertFalse(home.contains(marker), "nothing a person typed reaches the public page");
        }

        private String faqIdAnsweringToantrinh() {
            String html = post("/", Map.of("message", "Dịch vụ công trực tuyến toàn trình là gì?")).body();
            Matcher m = Pattern.compile("href=\"/hoi-dap#([^\"]+)\"").matcher(html);
            assertTrue(m.find(), "the answer cites an FAQ entry: " + html);
            return m.group(1);
        }
    }

    @Nested
    class ChatWithoutJavaScript {

        @Test
        void theFormPostsAndTheServerRendersTheAnswerWithLabelsSourcesAndRating() {
            String question = "Kế hoạch của Thanh Hóa ban hành ngày nào?";
            HttpResponse<String> r = post("/", Map.of("message", question));
            assertEquals(200, r.getStatus().getCode());
            assertEquals("no-store", r.getHeaders().get(HttpHeaders.CACHE_CONTROL), "an answer page is not cached");
            String html = r.body();
            assertTrue(html.contains("<p class=\"who\">Bạn</p>") && html.contains(">Trợ lý</p>"), "turn labels");
            assertTrue(html.contains("<p class=\"q\">" + question + "</p>"), "the question is shown");
            assertTrue(html.contains("href=\"/ke-hoach/thanh-hoa-2022"), "the answer links its source");
            assertTrue(html.contains("action=\"/tro-ly/danh-gia\"") && html.contains("name=\"helpful\" value=\"true\"")
                    && html.contains("name=\"helpful\" value=\"false\"") && html.contains("Báo sai"), "rating forms");
            assertTrue(html.contains("href=\"/?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "\""), "share link");
            Matcher session = Pattern.compile("name=\"sessionId\" value=\"([^\"]+)\" data-session").matcher(html);
            assertTrue(session.find(), "the session travels in the form for the follow-up");
        }

        @Test
        void followUpsKeepTheSessionAndListsAreRealMarkup() {
            String first = post("/", Map.of("message", "Sở Nội vụ Đồng Nai được giao nhiệm vụ gì?")).body();
            Matcher session = Pattern.compile("name=\"sessionId\" value=\"([^\"]+)\" data-session").matcher(first);
            assertTrue(session.find());
            assertTrue(first.contains("<ul>") && first.contains("<li><span>"), "a list answer is list markup");
            assertFalse(text(section(first, "noi-dung")).contains("•"), "no bullet characters");
            String next = post("/", Map.of("message", "còn thời gian thực hiện?", "sessionId", session.group(1))).body();
            assertTrue(next.contains("value=\"" + session.group(1) + "\" data-session"), "same session");
        }

        @Test
        void aSharedLinkIsAnsweredOnTheServer() {
            String html = get("/?q=" + URLEncoder.encode("Dịch vụ công trực tuyến toàn trình là gì?", StandardCharsets.UTF_8)).body();
            assertTrue(html.contains("class=\"msg bot") && html.contains("href=\"/hoi-dap#"), html);
        }

        @Test
        void anEmptyOrOverlongQuestionIsAVietnamese400Page() {
            HttpResponse<String> empty = post("/", Map.of("message", "   "));
            assertEquals(400, empty.getStatus().getCode());
            assertTrue(empty.body().contains("Câu hỏi đang trống"), empty.body());
            HttpResponse<String> longOne = post("/", Map.of("message", "a".repeat(1001)));
            assertEquals(400, longOne.getStatus().getCode());
            assertTrue(longOne.body().contains("tối đa 1000 ký tự"));
        }

        @Test
        void markupInAQuestionIsEscaped() {
            String html = post("/", Map.of("message", "<script>alert(1)</script> dịch vụ công")).body();
            assertFalse(html.contains("<script>alert(1)</script>"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }

        @Test
        void ratingAndReportingAreStoredInTheQueryLogByAnswerId() throws Exception {
            String id = answerId(post("/", Map.of("message", "Mục tiêu năm 2025 của Thanh Hóa về dịch vụ công trực tuyến?")).body());
            HttpResponse<String> thanks = post("/tro-ly/danh-gia", Map.of("answerId", id, "helpful", "false",
                    "report", "true", "comment", "Thiếu mục tiêu 2030"));
            assertEquals(200, thanks.getStatus().getCode());
            assertTrue(thanks.body().contains("Cảm ơn bạn đã báo sai"), thanks.body());
            await(() -> "Báo sai: Thiếu mục tiêu 2030".equals(row(id).get("feedback_comment")));
            assertEquals(Boolean.FALSE, row(id).get("feedback"));

            HttpResponse<String> up = exchange(HttpRequest.POST("/tro-ly/danh-gia", Map.of("answerId", id, "helpful", "true"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Requested-With", "fetch"));
            assertEquals("Cảm ơn bạn đã đánh giá.", up.body(), "the script gets a short confirmation");
            await(() -> Boolean.TRUE.equals(row(id).get("feedback")));
        }

        @Test
        void badRatingsAreVietnamese4xx() {
            HttpResponse<String> noId = post("/tro-ly/danh-gia", Map.of("answerId", "abc", "helpful", "true"));
            assertEquals(400, noId.getStatus().getCode());
            assertTrue(noId.body().contains("Không rõ câu trả lời"));
            HttpResponse<String> unknown = post("/tro-ly/danh-gia", Map.of("answerId", UUID.randomUUID().toString(), "helpful", "true"));
            assertEquals(404, unknown.getStatus().getCode());
            HttpResponse<String> verdict = post("/tro-ly/danh-gia", Map.of("answerId", UUID.randomUUID().toString(), "helpful", "có"));
            assertEquals(400, verdict.getStatus().getCode());
        }

        @Test
        void theScriptGetsOneServerRenderedTurn() {
            HttpResponse<String> r = exchange(HttpRequest.POST("/tro-ly/luot", Map.of("message", "VNeID là gì?"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Requested-With", "fetch"));
            assertEquals(200, r.getStatus().getCode());
            assertTrue(r.body().strip().startsWith("<li class=\"turn\" data-turn>"), r.body());
            assertNotNull(r.getHeaders().get("X-Session-Id"));
            HttpResponse<String> bad = exchange(HttpRequest.POST("/tro-ly/luot", Map.of("message", ""))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED));
            assertEquals(400, bad.getStatus().getCode());
            assertTrue(bad.body().contains("Câu hỏi đang trống"));
        }

        @Test
        void theWidgetPanelCarriesItsProvinceAsAField() {
            String html = get("/tro-ly/nhung?tieu-de=H%E1%BB%8Fi+%C4%91%C3%A1p+%C4%90%E1%BB%93ng+Nai&tinh=dong-nai").body();
            assertTrue(html.contains("<h1>Hỏi đáp Đồng Nai</h1>"), html);
            assertTrue(html.contains("name=\"province\" value=\"Đồng Nai\""), html);
            assertTrue(get("/static/widget.js").body().contains("attachShadow"));
        }
    }

    @Nested
    class PlanPages {

        @Test
        void everyAnchorAnAnswerCanLinkToExistsOnThePlanPage() {
            for (Plan plan : knowledge.plans()) {
                Set<String> ids = new HashSet<>(ids(get("/ke-hoach/" + plan.id()).body()));
                List<String> anchors = new ArrayList<>();
                plan.tasks().stream().map(Task::anchor).forEach(anchors::add);
                plan.targets().stream().map(Target::anchor).forEach(anchors::add);
                plan.deadlines().stream().map(ReportingDeadline::anchor).forEach(anchors::add);
                plan.responsibilities().stream().map(Responsibility::anchor).forEach(anchors::add);
                OutlineParser.flatten(plan.outline()).stream().map(Section::anchor).forEach(anchors::add);
                for (String a : anchors) {
                    if (a != null) {
                        assertTrue(ids.contains(a), plan.id() + " lacks #" + a);
                    }
                }
            }
        }

        @Test
        void metadataDatesAndNumberingAreAsTheDocumentAndTheAnswersWriteThem() {
            String html = get("/ke-hoach/thanh-hoa-2022").body();
            assertTrue(html.contains("<dd>53/KH-UBND</dd>") && html.contains("<dd>03/03/2022</dd>"), "number and date");
            assertTrue(html.contains("Đã ban hành"));
            Task t = knowledge.plan("thanh-hoa-2022").orElseThrow().tasks().get(0);
            assertTrue(html.contains(SectionLabels.label(t.section())), "task labelled as answers cite it");
            assertTrue(html.contains("href=\"#nhiem-vu\"") && html.contains("href=\"#toan-van\""), "an outline to jump through");
            assertTrue(html.contains("Đến năm 2025"), "targets by year");
            assertTrue(html.contains("id=\"bao-cao\""), "reporting deadlines");
        }

        @Test
        void tasksFilterByAgencyRoleAndYear() {
            Plan plan = knowledge.plan("binh-dinh-2022").orElseThrow();
            int all = rows(get("/ke-hoach/binh-dinh-2022").body());
            assertEquals(plan.tasks().size(), all);
            String lead = get("/ke-hoach/binh-dinh-2022?co-quan=so-tttt&vai-tro=chu-tri").body();
            int leads = rows(lead);
            assertTrue(leads > 0 && leads < all, "leads: " + leads);
            String any = get("/ke-hoach/binh-dinh-2022?co-quan=so-tttt").body();
            assertTrue(rows(any) >= leads);
            assertTrue(lead.contains("<option value=\"so-tttt\" selected=\"selected\">"), "the filter shows its choice");
            int y2023 = rows(get("/ke-hoach/binh-dinh-2022?nam=2023").body());
            assertTrue(y2023 > 0 && y2023 <= all);
            assertEquals(all, rows(get("/ke-hoach/binh-dinh-2022?nam=abc&vai-tro=x").body()), "nonsense filters are ignored");
        }

        @Test
        void theOriginalOcrTextIsOneSwitchAway() {
            Plan ocr = knowledge.plans().stream().filter(p -> p.meta().textQuality() == vn.hoidap.corpus.TextQuality.OCR)
                    .findFirst().orElseThrow();
            String restored = get("/ke-hoach/" + ocr.id()).body();
            assertTrue(restored.contains("?ban=goc#toan-van") && restored.contains("Văn bản gốc (OCR)"));
            String original = get("/ke-hoach/" + ocr.id() + "?ban=goc").body();
            String firstLine = ocr.originalText().strip().lines().filter(l -> l.strip().length() > 20).findFirst().orElseThrow().strip();
            assertTrue(original.contains(escape(firstLine)), "the text as received: " + firstLine);
        }

        @Test
        void aDraftShowsWhatChangedInTheIssuedPlanSideBySide() {
            String html = get("/ke-hoach/dong-nai-2022-draft").body();
            assertTrue(html.contains("bản dự thảo") && html.contains("href=\"/ke-hoach/dong-nai-2022\""));
            String diff = section(html, "thay-doi");
            assertTrue(diff.contains("<del>") && diff.contains("<ins>"), diff);
            assertTrue(diff.contains("Chủ trì"), diff);
            String issued = get("/ke-hoach/dong-nai-2022").body();
            assertTrue(issued.contains("href=\"/ke-hoach/dong-nai-2022-draft\""), "the issued plan points at its draft");
        }

        @Test
        void todaysNamesAreNoticedWhereThe2022NamesAppear() {
            String html = get("/ke-hoach/binh-dinh-2022").body();
            assertTrue(html.contains("Nay thuộc tỉnh Gia Lai"));
            String notice = section(html, "today-title");
            assertTrue(notice.contains("Sở Khoa học và Công nghệ") && notice.contains("Nghị định 45/2025/NĐ-CP"), notice);
            assertTrue(notice.contains("UBND cấp huyện"), "the district level that ended");
            assertTrue(html.contains("nay: <a href=\"/co-quan/so-khcn\">Sở Khoa học và Công nghệ</a>"), "in the task table");
        }
    }

    @Nested
    class AgencyAndProvincePages {

        @Test
        void anAgencyPageSaysWhatItDoesWithWhomByWhenAcrossPlans() {
            String html = get("/co-quan/so-noi-vu").body();
            assertTrue(html.contains("<h1>Sở Nội vụ</h1>"));
            assertTrue(html.contains("Cùng thực hiện") && html.contains("Thời gian"), "with whom, by when");
            assertTrue(html.contains("Kế hoạch ghi: Sở Lao động - Thương binh và Xã hội"), "tasks of its predecessor");
            assertTrue(html.contains("href=\"/co-quan/so-noi-vu.ics\""), "a calendar to subscribe to");
            assertTrue(html.contains("trước ngày 20/11 hàng năm"), "deadlines given to all departments");
            assertTrue(html.contains("Nhiệm vụ giao chung cho các sở, ban, ngành"));
            String narrowed = get("/co-quan/so-noi-vu?tinh=thanh-hoa").body();
            assertFalse(narrowed.contains("/ke-hoach/binh-dinh-2022#"), "one province only");
        }

        @Test
        void aReplacedAgencyNamesItsSuccessorWithDateAndBasis() {
            String html = get("/co-quan/so-tttt").body();
            assertTrue(html.contains("Từ 01/03/2025") && html.contains("href=\"/co-quan/so-khcn\"")
                    && html.contains("Nghị định 45/2025/NĐ-CP"), html);
            String successor = get("/co-quan/so-khcn").body();
            assertTrue(successor.contains("Kế hoạch ghi: Sở Thông tin và Truyền thông"));
        }

        @Test
        void theCalendarFeedIsValidICalendar() {
            HttpResponse<String> r = get("/co-quan/so-noi-vu.ics");
            assertEquals(200, r.getStatus().getCode());
            assertTrue(r.getContentType().orElseThrow().getName().equals("text/calendar"));
            String ics = r.body();
            assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.endsWith("END:VCALENDAR\r\n"));
            assertTrue(ics.contains("DTSTART;VALUE=DATE:20221120"), ics);
            assertTrue(ics.contains("RRULE:FREQ=YEARLY;UNTIL="), ics);
            for (String line : ics.split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
            }
            assertEquals(count(ics, "BEGIN:VEVENT"), count(ics, "END:VEVENT"));
            assertEquals(404, get("/co-quan/khong-co.ics").getStatus().getCode());
        }

        @Test
        void aProvincePageExplainsTheMergerAndListsItsPlansAndTargets() {
            String html = get("/tinh/dong-nai").body();
            assertTrue(html.contains("Bình Phước") && html.contains("Nghị quyết 202/2025/QH15"), "the merger");
            assertTrue(html.contains("/ke-hoach/binh-phuoc-2022") && html.contains("/ke-hoach/dong-nai-2022\""));
            assertTrue(html.contains("Mục tiêu chính"));
            String former = get("/tinh/binh-dinh").body();
            assertTrue(former.contains("thuộc tỉnh Gia Lai") && former.contains("href=\"/tinh/gia-lai\""));
        }
    }

    @Nested
    class SearchAndFaq {

        @Test
        void searchIsDiacriticInsensitiveHighlightsAndHasFacets() {
            String html = get("/tim-kiem?q=chu+ky+so").body();
            assertTrue(html.contains("<mark>"), html);
            assertTrue(Pattern.compile("<mark>(chữ|Chữ)</mark>").matcher(html).find(), "folded match marked");
            assertTrue(html.contains(">Tỉnh</h2>") && html.contains(">Loại</h2>") && html.contains(">Kế hoạch</h2>"));
            String faqOnly = get("/tim-kiem?q=chu+ky+so&loai=faq").body();
            String results = faqOnly.substring(faqOnly.indexOf("class=\"results\""), faqOnly.indexOf("</ol>", faqOnly.indexOf("class=\"results\"")));
            assertTrue(results.contains("class=\"kind\">Hỏi đáp") && !results.contains("class=\"kind\">Nhiệm vụ"));
        }

        @Test
        void searchRejectsAnOverlongQueryWithAVietnamese400() {
            HttpResponse<String> r = get("/tim-kiem?q=" + "a".repeat(600));
            assertEquals(400, r.getStatus().getCode());
            assertTrue(r.body().contains("Từ khóa quá dài"));
        }

        @Test
        void theFaqKeepsEveryEntryLinkableGroupedByTopic() {
            String html = get("/hoi-dap").body();
            Set<String> ids = new HashSet<>(ids(html));
            for (FaqEntry f : knowledge.faqs()) {
                assertTrue(ids.contains(f.id()), "missing #" + f.id());
            }
            assertTrue(html.contains("id=\"faq-toc\""), "a contents list");
            String topic = get("/hoi-dap/vneid-dinh-danh").body();
            assertTrue(topic.contains("<h1>VNeID và định danh điện tử</h1>"));
        }
    }

    // --- helpers

    private HttpResponse<String> get(String path) {
        return exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML));
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return exchange(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML));
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
            return new ErrorResponse(r, e.getResponse().getBody(String.class).orElse(""));
        }
    }

    /** The body of an error response, kept readable after the client has thrown. */
    private record ErrorResponse(HttpResponse<String> delegate, String text) implements HttpResponse<String> {
        @Override public io.micronaut.http.HttpStatus getStatus() { return delegate.getStatus(); }
        @Override public int code() { return delegate.code(); }
        @Override public String reason() { return delegate.reason(); }
        @Override public io.micronaut.http.HttpHeaders getHeaders() { return delegate.getHeaders(); }
        @Override public io.micronaut.core.convert.value.MutableConvertibleValues<Object> getAttributes() { return delegate.getAttributes(); }
        @Override public java.util.Optional<String> getBody() { return java.util.Optional.of(text); }
        @Override public String body() { return text; }
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Set<String> duplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> dup = new HashSet<>();
        ids.forEach(i -> {
            if (!seen.add(i)) {
                dup.add(i);
            }
        });
        return dup;
    }

    private static int rows(String html) {
        return count(section(html, "nhiem-vu"), "<td data-label=\"Mục\"");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** From the element with this id to the end of its section (the next h2 or the end of main). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no #" + id);
        int end = html.indexOf("<h2", start + 10);
        int main = html.indexOf("</main>", start);
        end = end < 0 ? main : main < 0 ? end : Math.min(end, main);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String answerId(String html) {
        Matcher m = ANSWER_ID.matcher(html);
        assertTrue(m.find(), "an answer id in " + html);
        return m.group(1);
    }

    private Map<String, Object> row(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM query_log WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition the asynchronous query-log writer makes true; a generous bound, no timing asserted. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not met");
    }
}

package vn.hoidap.upload;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launch plan the service does not have (Bình Định's, left out of a copy of the corpus) added by an admin
 * through the real HTTP API as plain text: extracted, corrected, published behind the regression gate while a
 * chat load runs, answered by the assistant, shown on the plan page, in /api/plans and in search; then
 * withdrawn everywhere. A plan that would break existing answers is refused with the report.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanUploadTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-tải-kế-hoạch";
    static final String ID = "binh-dinh-2022";
    /** A task of the plan and the agency that leads it, as the document says. */
    static final String TASK_QUESTION = "Ở Bình Định, đơn vị nào chủ trì xây dựng chiến dịch truyền thông về chuyển đổi số?";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        // One question set keeps a publish to a minute on a loaded machine; the service runs them all by default.
        return Map.of("hoidap.console.admin-password", PASSWORD,
                "hoidap.corpus.dir", TestCorpus.without(Set.of(ID)).toString(),
                "hoidap.upload.regression-sets", "dev.jsonl",
                "micronaut.http.client.read-timeout", "900s",
                // a publish runs the gate within the request: on a loaded machine that is more than a minute
                "micronaut.server.idle-timeout", "900s");
    }

    BlockingHttpClient http() {
        return client.toBlocking();
    }

    static <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> r) {
        return r.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    static String launchPlan() throws IOException {
        return Files.readString(Path.of("src/test/resources/upload/binh-dinh-launch-plan.txt"), StandardCharsets.UTF_8);
    }

    HttpResponse<Map<String, Object>> upload(byte[] bytes, String name, String type, Map<String, String> fields) {
        MultipartBody.Builder b = MultipartBody.builder().addPart("file", name, MediaType.of(type), bytes);
        fields.forEach(b::addPart);
        return exchange(admin(HttpRequest.POST("/api/admin/plans", b.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
    }

    HttpResponse<Map<String, Object>> exchange(MutableHttpRequest<?> r) {
        try {
            return http().exchange(r, Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Map<String, Object>> resp = (HttpResponse<Map<String, Object>>) e.getResponse();
            resp.getBody(Argument.mapOf(String.class, Object.class));
            return resp;
        }
    }

    static Map<String, Object> body(HttpResponse<Map<String, Object>> r) {
        return r.getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
    }

    Map<String, Object> chat(String message) {
        return http().retrieve(HttpRequest.POST("/api/chat", Map.of("message", message, "channel", "web")),
                Argument.mapOf(String.class, Object.class));
    }

    int status(MutableHttpRequest<?> r) {
        try {
            return http().exchange(r, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @AfterAll
    void withdrawEverything() {
        // the suite shares one database: leave no published upload for the next test context
        exchange(admin(HttpRequest.DELETE("/api/admin/plans/" + ID)));
        exchange(admin(HttpRequest.DELETE("/api/admin/plans/thanh-hoa-2026-thu")));
        exchange(admin(HttpRequest.DELETE("/api/admin/plans/th-du-thao-thu")));
    }

    @Test
    @Order(1)
    void beforeTheUploadTheServiceDoesNotKnowThePlan() {
        assertEquals(404, status(HttpRequest.GET("/ke-hoach/" + ID).accept(MediaType.TEXT_HTML)));
        assertEquals(401, status(HttpRequest.GET("/api/admin/plans")));
    }

    @Test
    @Order(2)
    void textIsExtractedIntoADraftWithPrefilledMetadata() throws IOException {
        HttpResponse<Map<String, Object>> r = upload(launchPlan().getBytes(StandardCharsets.UTF_8), "ke-hoach-binh-dinh.txt",
                "text/plain", Map.of("id", ID));
        assertEquals(201, r.code(), String.valueOf(body(r)));
        Map<String, Object> b = body(r);
        assertEquals(ID, b.get("id"));
        assertEquals("draft", b.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> extracted = (Map<String, Object>) b.get("extracted");
        assertTrue(((Number) extracted.get("tasks")).intValue() >= 10, "tasks extracted: " + extracted);
        assertTrue(((Number) extracted.get("sections")).intValue() >= 10, "sections: " + extracted);
        assertTrue(b.get("warnings") instanceof List<?>);

        Map<String, Object> detail = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID))));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) detail.get("draft")).get("meta");
        assertEquals("Bình Định", meta.get("province"));
        assertEquals("Gia Lai", detail.get("provinceToday"));
        assertEquals("Lâm Hải Giang", meta.get("signer"));
        assertEquals("issued", meta.get("status"));
        assertEquals(64, ((String) detail.get("sha256")).length());
        // the same file twice is one plan
        assertEquals(409, upload(launchPlan().getBytes(StandardCharsets.UTF_8), "lai-lan-nua.txt", "text/plain", Map.of()).code());
    }

    @Test
    @Order(3)
    void aCorrectionIsSavedCellByCell() {
        Map<String, Object> detail = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID))));
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) detail.get("draft");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = new java.util.LinkedHashMap<>((Map<String, Object>) draft.get("meta"));
        meta.put("issueDate", "2022-05-04");
        HttpResponse<Map<String, Object>> r = exchange(admin(HttpRequest.PUT("/api/admin/plans/" + ID,
                Map.of("meta", meta)).contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(200, r.code(), String.valueOf(body(r)));
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) ((Map<String, Object>) body(r).get("draft")).get("meta");
        assertEquals("2022-05-04", saved.get("issueDate"));
        assertEquals(400, exchange(admin(HttpRequest.PUT("/api/admin/plans/" + ID, Map.of("meta", Map.of("issueDate", "4/5/2022")))
                .contentType(MediaType.APPLICATION_JSON_TYPE))).code());
    }

    @Test
    @Order(4)
    void publishedUnderAChatLoadTheAssistantAnswersFromIt() throws Exception {
        assertTrue((Boolean) chat(TASK_QUESTION).get("fallback"), "before publishing, the corpus has no Bình Định plan");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    sent.incrementAndGet();
                    try {
                        Map<String, Object> a = chat(sent.get() % 2 == 0 ? TASK_QUESTION : "Thanh Hóa giao Sở nào chủ trì tuyên truyền chuyển đổi số?");
                        if (a.get("answer") == null) {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            load.add(t);
        }
        HttpResponse<Map<String, Object>> r;
        try {
            r = exchange(admin(HttpRequest.POST("/api/admin/plans/" + ID + "/publish", "")));
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
        }
        System.out.printf("publish under load: %d chat requests sent during the publish, %d failed%n", sent.get(), failed.get());
        assertEquals(200, r.code(), String.valueOf(body(r)));
        assertEquals(Boolean.TRUE, body(r).get("passed"));
        assertEquals(0, failed.get(), "no chat request fails while the knowledge is swapped");
        assertTrue(sent.get() > 0);

        Map<String, Object> a = chat(TASK_QUESTION);
        assertFalse((Boolean) a.get("fallback"), String.valueOf(a));
        // the lead the document gives this task (section II.1.1)
        assertTrue(RegressionRunner.fold(String.valueOf(a.get("answer"))).contains("cac so, co quan thuoc ubnd tinh"), String.valueOf(a));
        assertTrue(String.valueOf(a.get("sources")).contains(ID));
        String page = http().retrieve(HttpRequest.GET("/ke-hoach/" + ID).accept(MediaType.TEXT_HTML), String.class);
        assertTrue(page.contains("Bình Định"));
        assertTrue(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("\"" + ID + "\""));
        assertTrue(http().retrieve(HttpRequest.GET("/api/search?q=chi%E1%BA%BFn%20d%E1%BB%8Bch%20truy%E1%BB%81n%20th%C3%B4ng%20B%C3%ACnh%20%C4%90%E1%BB%8Bnh"),
                String.class).contains(ID));
        // the export is the committed layout
        String yaml = http().retrieve(admin(HttpRequest.GET("/api/admin/plans/" + ID + "/export.yaml")), String.class);
        assertTrue(yaml.contains("id: " + ID) && yaml.contains("tasks:"), yaml);
    }

    /**
     * Another Thanh Hóa plan that gives the tasks of the committed one (their titles as its curated sheet has
     * them) to an agency the real plan never names, each item with its own label lines.
     */
    static String reassignedThanhHoaPlan(String head) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^    title: \"(.+)\"$")
                .matcher(Files.readString(Path.of("corpus/plans/thanh-hoa-2022.yaml"), StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder(head + "\n\nI. NHIỆM VỤ\n");
        for (int i = 1; m.find(); i++) {
            text.append(i).append(". ").append(m.group(1))
                    .append("\nĐơn vị chủ trì: Hội Nông dân tỉnh\nThời gian hoàn thành: năm 2026\n");
        }
        return text.toString();
    }

    @Test
    @Order(5)
    void aPlanThatWouldBreakAnswersIsRefusedWithTheReport() throws IOException {
        // A newer issued plan: questions about Thanh Hóa the service answered right would now be answered from it.
        String text = reassignedThanhHoaPlan("ỦY BAN NHÂN DÂN TỈNH THANH HÓA\n\nKẾ HOẠCH\n"
                + "Chuyển đổi số nguồn nhân lực tỉnh Thanh Hóa năm 2026");
        HttpResponse<Map<String, Object>> up = upload(text.getBytes(StandardCharsets.UTF_8), "thanh-hoa-moi.txt",
                "text/plain", Map.of("id", "thanh-hoa-2026-thu", "issueDate", "2026-01-05", "number", "1/KH-UBND"));
        assertEquals(201, up.code(), String.valueOf(body(up)));
        @SuppressWarnings("unchecked")
        Map<String, Object> extracted = (Map<String, Object>) body(up).get("extracted");
        assertTrue(((Number) extracted.get("tasks")).intValue() >= 20, "each numbered item with its label lines is a task: " + extracted);
        HttpResponse<Map<String, Object>> r = exchange(admin(HttpRequest.POST("/api/admin/plans/thanh-hoa-2026-thu/publish", "")));
        assertEquals(409, r.code(), String.valueOf(body(r)));
        Map<String, Object> report = body(r);
        assertEquals(Boolean.FALSE, report.get("passed"));
        // refused because questions about Thanh Hóa the service answered right are now answered from it
        assertTrue(report.get("regressions") instanceof List<?> lost && !lost.isEmpty(), String.valueOf(report));
        assertTrue(((Number) report.get("probes")).intValue() >= 40, String.valueOf(report));
        assertTrue(String.valueOf(report.get("message")).contains("giảm"), String.valueOf(report));
        assertFalse(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("thanh-hoa-2026-thu"));
    }

    @Test
    @Order(12)
    void aPlanWhoseOwnQuestionsMostlyFailIsRefusedForThat() throws IOException {
        // A draft of the same works for a province whose issued plan already has them: the issued plan answers
        // (issued plans first), so nothing the service answered changes, but the draft's own questions — who
        // leads each task in it, by when — are answered from the other plan. Its tasks are read; it is refused.
        String text = reassignedThanhHoaPlan("ỦY BAN NHÂN DÂN TỈNH THANH HÓA\n\nDỰ THẢO\n\nKẾ HOẠCH\n"
                + "Phát triển nguồn nhân lực số tỉnh Thanh Hóa (dự thảo lấy ý kiến)");
        HttpResponse<Map<String, Object>> up = upload(text.getBytes(StandardCharsets.UTF_8), "du-thao.txt",
                "text/plain", Map.of("id", "th-du-thao-thu", "status", "draft"));
        assertEquals(201, up.code(), String.valueOf(body(up)));
        @SuppressWarnings("unchecked")
        Map<String, Object> extracted = (Map<String, Object>) body(up).get("extracted");
        assertTrue(((Number) extracted.get("tasks")).intValue() >= 20, String.valueOf(extracted));
        HttpResponse<Map<String, Object>> r = exchange(admin(HttpRequest.POST("/api/admin/plans/th-du-thao-thu/publish", "")));
        assertEquals(409, r.code(), String.valueOf(body(r)));
        Map<String, Object> report = body(r);
        assertEquals(Boolean.FALSE, report.get("passed"));
        assertTrue(((Number) report.get("probes")).intValue() >= 40, String.valueOf(report));
        assertTrue(((Number) report.get("probeRate")).doubleValue() < 0.9, String.valueOf(report));
        // an empty list is left out of the JSON
        assertTrue(!(report.get("regressions") instanceof List<?> lost) || lost.isEmpty(), "nothing else lost: " + report);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sets = (List<Map<String, Object>>) report.get("sets");
        assertTrue(sets.stream().allMatch(x -> x.get("before").equals(x.get("after"))), String.valueOf(sets));
        assertTrue(String.valueOf(report.get("message")).contains("câu hỏi kiểm tra kế hoạch mới"), String.valueOf(report));
        assertFalse(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("th-du-thao-thu"));
    }

    @Test
    @Order(6)
    void unpublishedItIsGoneEverywhere() {
        HttpResponse<Map<String, Object>> r = exchange(admin(HttpRequest.DELETE("/api/admin/plans/" + ID)));
        assertEquals(200, r.code());
        assertEquals("unpublished", body(r).get("status"));
        assertEquals(404, status(HttpRequest.GET("/ke-hoach/" + ID).accept(MediaType.TEXT_HTML)));
        assertFalse(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("\"" + ID + "\""));
        assertTrue((Boolean) chat(TASK_QUESTION).get("fallback"));
        Map<String, Object> detail = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID))));
        String history = String.valueOf(detail.get("history"));
        assertTrue(history.contains("plan.upload") && history.contains("plan.review") && history.contains("plan.publish")
                && history.contains("plan.unpublish"), history);
    }



    @Test
    @Order(7)
    void anotherReplicasPublishAndWithdrawalReachThisOneByThePoll() throws Exception {
        // another instance on the same database publishes (its row changes; this one was not called) ... The
        // test's own DataSource bean is bound to the test's transaction: write through the raw pool, committed.
        javax.sql.DataSource db = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
                app.getBean(javax.sql.DataSource.class));
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE plan_upload SET status = 'published', published_at = now() WHERE id = '" + ID + "'");
        }
        PlanPublisher publisher = app.getBean(PlanPublisher.class);
        publisher.pollOtherReplicas();
        assertTrue(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("\"" + ID + "\""),
                "the poll made the other instance's publish live here");
        assertFalse((Boolean) chat(TASK_QUESTION).get("fallback"));
        // ... and withdraws it again
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE plan_upload SET status = 'unpublished' WHERE id = '" + ID + "'");
        }
        publisher.pollOtherReplicas();
        assertFalse(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("\"" + ID + "\""));
    }
    @Test
    @Order(8)
    void aPdfRenderedWithAUnicodeFontGivesTheSameExtraction() throws Exception {
        DocumentFixtures.requireFont();
        HttpResponse<Map<String, Object>> r = upload(DocumentFixtures.pdf(launchPlan()), "ke-hoach-binh-dinh.pdf",
                "application/pdf", Map.of("id", "binh-dinh-pdf"));
        assertEquals(201, r.code(), String.valueOf(body(r)));
        @SuppressWarnings("unchecked")
        Map<String, Object> extracted = (Map<String, Object>) body(r).get("extracted");
        Map<String, Object> fromText = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID))));
        @SuppressWarnings("unchecked")
        int textTasks = ((Number) ((Map<String, Object>) fromText.get("extracted")).get("tasks")).intValue();
        int pdfTasks = ((Number) extracted.get("tasks")).intValue();
        System.out.printf("PDF path: %d tasks (text path: %d)%n", pdfTasks, textTasks);
        assertTrue(pdfTasks >= textTasks * 0.9, extracted + " vs " + textTasks);
    }

    @Test
    @Order(9)
    void aScanIsReadOffTheRequestThreadAndRestored() throws Exception {
        DocumentFixtures.requireFont();
        org.junit.jupiter.api.Assumptions.assumeTrue(Path.of("/usr/share/tesseract-ocr/5/tessdata/vie.traineddata").toFile().exists()
                || System.getenv("TESSDATA_PREFIX") != null || "true".equalsIgnoreCase(System.getenv("CI")),
                "tesseract-ocr-vie is not installed (README, Tests)");
        List<String> lines = DocumentFixtures.wrap(launchPlan(), 70).stream().filter(l -> !l.isBlank()).limit(46).toList();
        HttpResponse<Map<String, Object>> r = upload(DocumentFixtures.scan(lines), "ban-quet.png", "image/png",
                Map.of("id", "binh-dinh-quet", "province", "Bình Định"));
        assertEquals(202, r.code(), String.valueOf(body(r)));
        assertEquals("processing", body(r).get("status"));
        Map<String, Object> detail = poll("binh-dinh-quet");
        assertEquals("draft", detail.get("status"), String.valueOf(detail));
        assertEquals("ocr", detail.get("textQuality"));
        String shown = http().retrieve(admin(HttpRequest.GET("/api/admin/plans/binh-dinh-quet/preview.txt")), String.class);
        String raw = http().retrieve(admin(HttpRequest.GET("/api/admin/plans/binh-dinh-quet/export.txt")), String.class);
        String truth = String.join("\n", lines);
        double restored = DocumentFixtures.syllableAccuracy(truth, shown);
        double ocr = DocumentFixtures.syllableAccuracy(truth, raw);
        System.out.printf("OCR of the rendered scan: %.1f%% syllables right as read, %.1f%% after restoration (%d syllables)%n",
                ocr * 100, restored * 100, DocumentFixtures.syllables(truth).length);
        assertTrue(restored >= 0.8, "syllables right after restoration: " + restored);
    }

    Map<String, Object> poll(String id) throws InterruptedException {
        Map<String, Object> detail = Map.of();
        for (int i = 0; i < 1200; i++) {
            detail = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + id))));
            if (!"processing".equals(detail.get("status"))) {
                return detail;
            }
            Thread.sleep(500);
        }
        return detail;
    }

    @Test
    @Order(10)
    void badFilesGetAVietnameseRefusalAndLeaveNothingStored() throws Exception {
        List<String> before = ids();
        assertRefused(upload(new byte[0], "rong.txt", "text/plain", Map.of()), 400, "rỗng");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertRefused(upload(garbage, "ke-hoach.pdf", "application/pdf", Map.of()), 415, "PDF");
        DocumentFixtures.requireFont();
        assertRefused(upload(DocumentFixtures.encryptedPdf("Kế hoạch có mật khẩu"), "mat-khau.pdf", "application/pdf", Map.of()),
                422, "mật khẩu");
        assertRefused(upload(DocumentFixtures.zipBomb(), "bom.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Map.of()), 422, "DOCX");
        assertEquals(before, ids(), "nothing stored for a refused file");
        // over the size limit: refused from the Content-Length alone, before the body is read
        int port = ((io.micronaut.runtime.server.EmbeddedServer) app.getBean(io.micronaut.runtime.server.EmbeddedServer.class)).getPort();
        assertEquals(413, vn.hoidap.channel.OversizedBody.status(port, "/api/admin/plans", 31L * 1024 * 1024));
        // an image with no text: accepted for OCR, then failed with a reason, never published
        HttpResponse<Map<String, Object>> r = upload(DocumentFixtures.blankImage(), "trang-trang.png", "image/png",
                Map.of("id", "trang-trang"));
        assertEquals(202, r.code(), String.valueOf(body(r)));
        Map<String, Object> detail = poll("trang-trang");
        assertEquals("failed", detail.get("status"));
        assertTrue(String.valueOf(detail.get("error")).contains("Không nhận ra chữ"), String.valueOf(detail));
        assertEquals(409, exchange(admin(HttpRequest.POST("/api/admin/plans/trang-trang/publish", ""))).code());
    }

    @Inject
    io.micronaut.context.ApplicationContext app;

    List<String> ids() {
        List<Map<String, Object>> all = http().retrieve(admin(HttpRequest.GET("/api/admin/plans")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return all.stream().map(m -> String.valueOf(m.get("id"))).sorted().toList();
    }

    static void assertRefused(HttpResponse<Map<String, Object>> r, int status, String says) {
        assertEquals(status, r.code(), String.valueOf(body(r)));
        assertTrue(String.valueOf(body(r).get("error")).contains(says), String.valueOf(body(r)));
    }

    @Test
    @Order(11)
    void theConsolePagesReviewWithCsrf() {
        // signed out: the sign-in page (the client follows the redirect), never the upload form
        String signedOut;
        try {
            signedOut = http().retrieve(HttpRequest.GET("/quan-tri/ke-hoach").accept(MediaType.TEXT_HTML), String.class);
        } catch (HttpClientResponseException e) {
            signedOut = "";
        }
        assertFalse(signedOut.contains("Tải lên và đọc"), signedOut);
        HttpResponse<String> list = http().exchange(admin(HttpRequest.GET("/quan-tri/ke-hoach").accept(MediaType.TEXT_HTML)), String.class);
        String html = list.body();
        assertTrue(html.contains("enctype=\"multipart/form-data\"") && html.contains(ID), html);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find());
        String token = m.group(1);
        String cookie = list.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("hoidap_csrf="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        String review = http().retrieve(admin(HttpRequest.GET("/quan-tri/ke-hoach/" + ID).accept(MediaType.TEXT_HTML)
                .header("Cookie", cookie)), String.class);
        assertTrue(review.contains("name=\"task.0.title\"") && review.contains("name=\"meta.signer\"")
                && review.contains("Kiểm tra và đăng"), review);
        // a form without the token is refused; with it the review is saved
        assertEquals(403, status(admin(HttpRequest.POST("/quan-tri/ke-hoach/" + ID, Map.of("meta.signer", "X"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML).header("Cookie", cookie))));
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("meta.province", "Bình Định");
        form.put("meta.signer", "Lâm Hải Giang");
        form.put("meta.status", "issued");
        form.put("meta.issueDate", "2022-05-04");
        form.put("task.0.title", "Xây dựng chiến dịch truyền thông về chuyển đổi số");
        form.put("task.0.section", "II.1.1");
        form.put("task.0.lead", "Sở Thông tin và Truyền thông");
        String saved = http().retrieve(admin(HttpRequest.POST("/quan-tri/ke-hoach/" + ID, form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML).header("Cookie", cookie)), String.class);
        assertTrue(saved.contains("Đã lưu bản rà soát"), saved);
        Map<String, Object> detail = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) ((Map<String, Object>) detail.get("draft")).get("tasks");
        assertEquals(1, tasks.size());
        assertEquals(List.of("Sở Thông tin và Truyền thông"), tasks.get(0).get("lead"));
    }

    @Test
    @Order(13)
    void publishingAsAJobReportsProgressAndRunsOncePerPlan() throws InterruptedException {
        HttpResponse<Map<String, Object>> started = exchange(admin(HttpRequest.POST("/api/admin/plans/" + ID + "/publish", "")
                .header("Prefer", "respond-async")));
        assertEquals(202, started.code(), String.valueOf(body(started)));
        assertEquals("running", body(started).get("status"));
        assertTrue(body(started).get("job") instanceof String);
        assertEquals("/api/admin/plans/" + ID + "/publish", started.getHeaders().get("Location"));
        // the gate asks hundreds of questions: a second publish of the same plan meanwhile is refused, clearly
        HttpResponse<Map<String, Object>> second = exchange(admin(HttpRequest.POST("/api/admin/plans/" + ID + "/publish?async=true", "")));
        assertEquals(409, second.code(), String.valueOf(body(second)));
        assertTrue(String.valueOf(body(second).get("error")).contains("đang được kiểm tra"), String.valueOf(body(second)));
        Map<String, Object> job = Map.of();
        for (int i = 0; i < 3600; i++) {
            job = body(exchange(admin(HttpRequest.GET("/api/admin/plans/" + ID + "/publish"))));
            if (!"running".equals(job.get("status"))) {
                break;
            }
            assertTrue(((Number) job.get("progress")).intValue() < 100, String.valueOf(job));
            Thread.sleep(500);
        }
        assertEquals(body(started).get("job"), job.get("job"));
        assertEquals("published", job.get("status"), String.valueOf(job));
        assertEquals(100, ((Number) job.get("progress")).intValue());
        assertTrue(((Number) job.get("asked")).intValue() > 0 && job.get("asked").equals(job.get("total")), String.valueOf(job));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals(Boolean.TRUE, report.get("passed"));
        assertTrue(http().retrieve(HttpRequest.GET("/api/plans"), String.class).contains("\"" + ID + "\""));
    }
}

package vn.hoidap.insights;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.querylog.QuestionKey;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every insights endpoint on a known fixture: ten questions in March 2021 (a range no other test writes to),
 * on two channels, in two provinces, answered and not, some rated.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsControllerTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-thử-nghiệm";
    static final String RANGE = "from=2021-03-01&to=2021-03-14";

    @Inject
    DataSource dataSource;
    @Inject
    InsightsMaintenance maintenance;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("hoidap.console.admin-password", PASSWORD,
                    "hoidap.querylog.spill-dir", Files.createTempDirectory("insights-spill").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Fixture(int n, String localTime, String channel, String question, String topic, String theme,
                   String province, boolean fallback, Boolean helpful, String comment) {
    }

    static final List<Fixture> ROWS = List.of(
            new Fixture(1, "2021-03-01T08:00", "fixture", "Làm VNeID ở đâu?", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Bình Định", false, true, null),
            new Fixture(2, "2021-03-01T10:00", "fixture", "Cho em hỏi làm VNeID ở đâu ạ?", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Bình Định", false, false, "Thiếu địa điểm"),
            new Fixture(3, "2021-03-02T09:00", "fixture", "làm vneid ở đâu vậy", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Đồng Nai", false, null, null),
            new Fixture(4, "2021-03-02T11:00", "fixture", "Làm VNeID mức 2 ở đâu?", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Bình Định", false, null, null),
            new Fixture(5, "2021-03-03T09:00", "fixture", "Chữ ký số là gì?", "chu-ky-so", "pho-cap-ky-nang-so", "Đồng Nai", false, true, null),
            new Fixture(6, "2021-03-03T15:00", "fixture", "Chu ky so la gi", "chu-ky-so", "pho-cap-ky-nang-so", "Đồng Nai", false, null, null),
            new Fixture(7, "2021-03-08T09:00", "fixture", "Sở nào chủ trì chiến dịch truyền thông?", "nhiem-vu-co-quan", "nang-cao-nhan-thuc", "Bình Định", true, false, null),
            new Fixture(8, "2021-03-09T09:00", "fixture", "Tỉnh có bao nhiêu chuyên gia?", "chuyen-gia-chuyen-doi-so", "phat-trien-nguon-nhan-luc", "Bình Định", true, null, null),
            new Fixture(9, "2021-03-10T09:00", "fixture", "=HYPERLINK(\"http://x\",\"bấm\"), \"trích\"", "khac", null, null, true, null, null),
            // 00:30 in Vietnam is still 13 March in UTC: buckets must follow Vietnam's calendar.
            new Fixture(10, "2021-03-14T00:30", "fixture-tg", "Học kỹ năng số ở đâu?", "hoc-ky-nang-so", "pho-cap-ky-nang-so", "Đồng Nai", false, true, null));

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    @BeforeAll
    void insertFixture() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme,
                                       province, fallback, confidence, latency_ms, feedback, feedback_comment, feedback_at)
                VALUES (?, ?, ?, 'h', ?, ?, 'faq', ?, ?, ?, ?, 0.5, 12, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Fixture f : ROWS) {
                Timestamp at = Timestamp.from(LocalDateTime.parse(f.localTime()).atZone(Criteria.ZONE).toInstant());
                ps.setObject(1, id(f.n()));
                ps.setTimestamp(2, at);
                ps.setString(3, f.channel());
                ps.setString(4, f.question());
                ps.setString(5, QuestionKey.of(f.question()));
                ps.setString(6, f.topic());
                ps.setString(7, f.theme());
                ps.setString(8, f.province());
                ps.setBoolean(9, f.fallback());
                ps.setObject(10, f.helpful());
                ps.setString(11, f.comment());
                ps.setTimestamp(12, f.helpful() == null ? null : at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // Near-duplicates are grouped by the background job, not by the writer.
        maintenance.runUntilIdle();
    }

    @Nested
    class Authentication {

        @Test
        void withoutCredentialsIs401WithAChallenge() {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/api/insights/volume?" + RANGE)));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
            assertTrue(e.getResponse().getHeaders().get("WWW-Authenticate").startsWith("Basic "));
            assertTrue(e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow()
                    .get("error").toString().contains("đăng nhập"));
        }

        @Test
        void withAWrongPasswordOrUserIs401() {
            for (String[] cred : new String[][] {{"admin", "sai"}, {"root", PASSWORD}, {"admin", ""}}) {
                HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.GET("/api/insights/topics?" + RANGE).basicAuth(cred[0], cred[1])));
                assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
            }
        }

        @Test
        void withTheAdminPasswordIs200() {
            assertEquals(HttpStatus.OK, client.toBlocking()
                    .exchange(auth(HttpRequest.GET("/api/insights/topics?" + RANGE)), String.class).getStatus());
        }
    }

    @Test
    void volumePerDayFollowsVietnamsCalendarAndShowsQuietDays() {
        Map<String, Object> v = get("/api/insights/volume?" + RANGE + "&bucket=day");
        assertEquals(10, num(v.get("total")));
        assertEquals(3, num(v.get("unanswered")));
        List<Map<String, Object>> buckets = list(v.get("buckets"));
        assertEquals(14, buckets.size());
        assertEquals("2021-03-01", buckets.get(0).get("start"));
        long[] counts = buckets.stream().mapToLong(b -> num(b.get("count"))).toArray();
        assertArrayEquals(new long[] {2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1}, counts);
        assertEquals(9, num(get("/api/insights/volume?from=2021-03-01&to=2021-03-13").get("total")));
    }

    @Test
    void volumePerWeekStartsOnMonday() {
        List<Map<String, Object>> buckets = list(get("/api/insights/volume?" + RANGE + "&bucket=week").get("buckets"));
        assertEquals(2, buckets.size());
        assertEquals("2021-03-01", buckets.get(0).get("start"));
        assertEquals(6, num(buckets.get(0).get("count")));
        assertEquals(0, num(buckets.get(0).get("unanswered")));
        assertEquals("2021-03-08", buckets.get(1).get("start"));
        assertEquals(4, num(buckets.get(1).get("count")));
        assertEquals(3, num(buckets.get(1).get("unanswered")));
    }

    @Test
    void filtersByChannelProvinceAndTheme() {
        assertEquals(1, num(get("/api/insights/volume?" + RANGE + "&channel=fixture-tg").get("total")));
        assertEquals(5, num(get("/api/insights/volume?" + RANGE + "&province=B%C3%ACnh%20%C4%90%E1%BB%8Bnh").get("total")));
        assertEquals(7, num(get("/api/insights/volume?" + RANGE + "&theme=pho-cap-ky-nang-so").get("total")));
        assertEquals(4, num(get("/api/insights/volume?" + RANGE + "&theme=pho-cap-ky-nang-so&province=%C4%90%E1%BB%93ng%20Nai").get("total")));
    }

    @Test
    void topicsAreCountedByThemeAndTopic() {
        Map<String, Object> t = get("/api/insights/topics?" + RANGE);
        assertEquals(10, num(t.get("total")));
        List<Map<String, Object>> themes = list(t.get("themes"));
        Map<String, Object> first = themes.get(0);
        assertEquals("pho-cap-ky-nang-so", first.get("id"));
        assertEquals("Phổ cập kỹ năng số", first.get("name"));
        assertEquals(7, num(first.get("count")));
        assertEquals(0.7, ((Number) first.get("share")).doubleValue(), 1e-9);
        List<Map<String, Object>> topics = list(first.get("topics"));
        assertEquals(List.of("vneid-dinh-danh", "chu-ky-so", "hoc-ky-nang-so"), topics.stream().map(x -> x.get("id")).toList());
        assertEquals(List.of(4L, 2L, 1L), topics.stream().map(x -> num(x.get("count"))).toList());
        assertEquals("VNeID và định danh điện tử", topics.get(0).get("name"));
        Map<String, Long> others = new java.util.HashMap<>();
        themes.subList(1, themes.size()).forEach(x -> others.put((String) x.get("id"), num(x.get("count"))));
        assertEquals(Map.of("nang-cao-nhan-thuc", 1L, "phat-trien-nguon-nhan-luc", 1L, "khac", 1L), others);
    }

    @Test
    void topQuestionsGroupNearDuplicates() {
        Map<String, Object> q = get("/api/insights/questions?" + RANGE);
        assertEquals(10, num(q.get("total")));
        List<Map<String, Object>> groups = list(q.get("groups"));
        assertEquals(6, groups.size());
        Map<String, Object> top = groups.get(0);
        assertEquals(4, num(top.get("count")), "three spellings of one key plus \"mức 2\" merged: " + top);
        assertEquals(2, num(top.get("variants")));
        assertEquals("vneid-dinh-danh", top.get("topic"));
        assertEquals(2, num(groups.get(1).get("count")));
        assertEquals("chu-ky-so", groups.get(1).get("topic"));
        assertEquals(1, num(get("/api/insights/questions?" + RANGE + "&limit=1").get("groups") instanceof List<?> l ? l.size() : -1));
    }

    @Test
    void wholeMonthsComeFromTheMonthlyCountsAndEdgesFromTheLog() {
        for (String range : new String[] {"from=2021-03-01&to=2021-03-31", "from=2021-02-15&to=2021-04-10",
                "from=2021-01-01&to=2021-12-31"}) {
            Map<String, Object> q = get("/api/insights/questions?" + range);
            assertEquals(10, num(q.get("total")), range);
            List<Map<String, Object>> groups = list(q.get("groups"));
            assertEquals(6, groups.size(), range);
            assertEquals(4, num(groups.get(0).get("count")), range);
            assertEquals("vneid-dinh-danh", groups.get(0).get("topic"), range);
            Map<String, Object> u = get("/api/insights/unanswered?" + range);
            assertEquals(3, num(u.get("total")), range);
            assertEquals("khac", list(u.get("groups")).get(0).get("topic"), range);
            assertEquals(7, num(get("/api/insights/questions?" + range + "&theme=pho-cap-ky-nang-so").get("total")), range);
        }
    }

    @Test
    void unansweredQuestionsNewestFirst() {
        Map<String, Object> u = get("/api/insights/unanswered?" + RANGE);
        assertEquals(3, num(u.get("total")));
        List<Map<String, Object>> groups = list(u.get("groups"));
        assertEquals(List.of("khac", "chuyen-gia-chuyen-doi-so", "nhiem-vu-co-quan"),
                groups.stream().map(g -> g.get("topic")).toList());
        assertEquals("Tỉnh có bao nhiêu chuyên gia?", groups.get(1).get("question"));
    }

    @Test
    void feedbackRates() {
        Map<String, Object> f = get("/api/insights/feedback?" + RANGE);
        assertEquals(10, num(f.get("questions")));
        assertEquals(5, num(f.get("rated")));
        assertEquals(3, num(f.get("helpful")));
        assertEquals(2, num(f.get("notHelpful")));
        assertEquals(0.6, ((Number) f.get("helpfulRate")).doubleValue(), 1e-9);
        assertEquals(0.5, ((Number) f.get("ratedShare")).doubleValue(), 1e-9);
        Map<String, Map<String, Object>> byTheme = new java.util.HashMap<>();
        list(f.get("byTheme")).forEach(t -> byTheme.put((String) t.get("theme"), t));
        assertEquals(0.75, ((Number) byTheme.get("pho-cap-ky-nang-so").get("helpfulRate")).doubleValue(), 1e-9);
        assertEquals(0.0, ((Number) byTheme.get("nang-cao-nhan-thuc").get("helpfulRate")).doubleValue(), 1e-9);
        assertNull(byTheme.get("khac").get("helpfulRate"), "nothing rated: no rate rather than 0");
        List<Map<String, Object>> comments = list(f.get("recentComments"));
        assertEquals(1, comments.size());
        assertEquals("Thiếu địa điểm", comments.get(0).get("comment"));
    }

    @Test
    void csvExportOpensInExcel() {
        HttpResponse<byte[]> r = client.toBlocking().exchange(auth(HttpRequest.GET("/api/insights/export.csv?" + RANGE)), byte[].class);
        byte[] body = r.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 BOM");
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(r.getHeaders().get("Content-Disposition").contains("hoidap-cau-hoi-2021-03-01-2021-03-14.csv"));
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(11, lines.length, "header + 10 rows");
        assertTrue(lines[0].startsWith("id,thoi_gian,kenh,tinh"));
        assertTrue(lines[1].startsWith(id(1) + ",2021-03-01 08:00:00,fixture,Bình Định,,Phổ cập kỹ năng số,"
                + "VNeID và định danh điện tử,faq,Làm VNeID ở đâu?,có,0.50,,12,có,"), lines[1]);
        // Formula injection: the cell starts with an apostrophe, and RFC 4180 quoting doubles the quotes.
        assertTrue(lines[9].contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\"), \"\"trích\"\"\","), lines[9]);
        assertTrue(lines[9].contains(",Khác,Khác,"), lines[9]);
        assertTrue(lines[10].startsWith(id(10) + ",2021-03-14 00:30:00,fixture-tg,"), lines[10]);
    }

    @Test
    void nonsenseParametersAre400WithAVietnameseMessage() {
        for (String[] c : new String[][] {
                {"from=2021-03-14&to=2021-03-01", "ngày bắt đầu"},
                {"from=hôm-qua", "Ngày không hợp lệ"},
                {"from=2021-02-30&to=2021-03-01", "Ngày không hợp lệ"},
                {"from=2018-01-01&to=2021-03-01", "quá dài"},
                {RANGE + "&theme=ky-nang", "theme không hợp lệ"},
                {RANGE + "&channel=WEB%20APP", "channel"},
                {RANGE + "&bucket=month", "bucket"}}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(auth(HttpRequest.GET("/api/insights/volume?" + c[0]))));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), c[0]);
            String error = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow()
                    .get("error").toString();
            assertTrue(error.contains(c[1]), c[0] + " → " + error);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(auth(HttpRequest.GET("/api/insights/questions?" + RANGE + "&limit=0"))));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    private Map<String, Object> get(String uri) {
        return client.toBlocking().retrieve(auth(HttpRequest.GET(uri)), Argument.mapOf(String.class, Object.class));
    }

    private static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> r) {
        return r.basicAuth("admin", PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void xlsxHasASheetPerViewWithTypedCells() throws Exception {
        HttpResponse<byte[]> r = client.toBlocking().exchange(auth(HttpRequest.GET("/api/insights/export.xlsx?" + RANGE)),
                byte[].class);
        assertEquals(HttpStatus.OK, r.getStatus());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
            assertEquals(List.of("Theo ngày", "Chủ đề", "Kênh", "Tỉnh", "Câu hỏi nhiều nhất", "Chưa trả lời được", "Câu hỏi"),
                    java.util.stream.IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList());
            var days = book.getSheet("Theo ngày");
            assertEquals("Ngày", days.getRow(0).getCell(0).getStringCellValue());
            assertEquals(14, days.getLastRowNum(), "one row per day of the range");
            var first = days.getRow(1);
            assertEquals(java.time.LocalDate.of(2021, 3, 1), first.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(2.0, first.getCell(1).getNumericCellValue(), "two questions on 01/03/2021");
            double sum = 0;
            double unanswered = 0;
            for (int i = 1; i <= days.getLastRowNum(); i++) {
                sum += days.getRow(i).getCell(1).getNumericCellValue();
                unanswered += days.getRow(i).getCell(2).getNumericCellValue();
            }
            assertEquals(ROWS.size(), (int) sum);
            assertEquals(ROWS.stream().filter(Fixture::fallback).count(), (long) unanswered);
            var channels = book.getSheet("Kênh");
            assertEquals("fixture", channels.getRow(1).getCell(0).getStringCellValue());
            assertEquals(9.0, channels.getRow(1).getCell(1).getNumericCellValue());
            var questions = book.getSheet("Câu hỏi");
            assertEquals(ROWS.size(), questions.getLastRowNum());
            // the formula-looking question stays text
            boolean sawFormulaText = false;
            for (int i = 1; i <= questions.getLastRowNum(); i++) {
                var cell = questions.getRow(i).getCell(8);
                assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, cell.getCellType());
                sawFormulaText |= cell.getStringCellValue().startsWith("=HYPERLINK");
            }
            assertTrue(sawFormulaText);
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, questions.getRow(1).getCell(1).getCellType(),
                    "the time is an Excel date");
        }
    }

}

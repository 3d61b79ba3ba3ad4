package vn.hoidap.console;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.querylog.QuestionKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard page on a known fixture in May 2019 (a range no other test writes to): the figures in
 * its tables, the trend against the previous period, filters in the URL, the printable monthly report.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest implements TestPropertyProvider {

    static final String PASSWORD = "mật-khẩu-bảng-điều-khiển";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.console.admin-password", PASSWORD);
    }

    /** 5 questions 10–16/05/2019 (2 unanswered, web 3 / zalo-fixture 2), 2 in the week before. */
    @BeforeAll
    void insert() throws Exception {
        Object[][] rows = {
                {1, "2019-05-10T08:15", "web", "Làm VNeID ở đâu?", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Gia Lai", false},
                {2, "2019-05-10T08:40", "web", "Cho hỏi làm VNeID ở đâu ạ", "vneid-dinh-danh", "pho-cap-ky-nang-so", "Gia Lai", false},
                {3, "2019-05-12T20:05", "zalo-fixture", "Giá vàng hôm nay?", "khac", null, null, true},
                {4, "2019-05-16T08:59", "web", "Ai chủ trì chiến dịch?", "nhiem-vu-co-quan", "nang-cao-nhan-thuc", "Gia Lai", true},
                {5, "2019-05-16T14:00", "zalo-fixture", "Học kỹ năng số ở đâu?", "hoc-ky-nang-so", "pho-cap-ky-nang-so", "Đồng Nai", false},
                {6, "2019-05-05T09:00", "web", "Chữ ký số là gì?", "chu-ky-so", "pho-cap-ky-nang-so", "Gia Lai", false},
                {7, "2019-05-06T09:00", "web", "Chữ ký số là gì?", "chu-ky-so", "pho-cap-ky-nang-so", "Gia Lai", false},
        };
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic, theme,
                                       province, fallback) VALUES (?, ?, ?, 'h', ?, ?, 'faq', ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Object[] r : rows) {
                ps.setObject(1, UUID.fromString(String.format("00000000-0000-4000-9019-%012d", (Integer) r[0])));
                ps.setTimestamp(2, Timestamp.from(LocalDateTime.parse((String) r[1]).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
                ps.setString(3, (String) r[2]);
                ps.setString(4, (String) r[3]);
                ps.setString(5, QuestionKey.of((String) r[3]));
                ps.setString(6, (String) r[4]);
                ps.setString(7, (String) r[5]);
                ps.setString(8, (String) r[6]);
                ps.setBoolean(9, (Boolean) r[7]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    String page(String path) {
        HttpResponse<String> r = new ConsoleClient(client.toBlocking())
                .exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML).basicAuth("admin", PASSWORD));
        assertEquals(200, r.code(), ConsoleClient.body(r));
        return ConsoleClient.body(r);
    }

    static String cell(String html, String name) {
        Matcher m = Pattern.compile("<td>" + Pattern.quote(name) + "</td><td class=\"num\">(\\d+)</td>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void everyFigureOfTheFixtureIsOnThePage() {
        String html = page("/quan-tri?from=2019-05-10&to=2019-05-16");
        assertTrue(html.contains("<strong>5</strong>"), "5 questions");
        assertTrue(html.contains("So với 03/05/2019–09/05/2019 (2): 150,0 %"), "trend against the 7 days before");
        assertTrue(html.contains("<strong>60,0 %</strong>"), "3 of 5 answered");
        assertEquals("3", cell(html, "web"));
        assertEquals("2", cell(html, "zalo-fixture"));
        assertEquals("3", cell(html, "Gia Lai"));
        assertEquals("1", cell(html, "Không rõ"), "no province known");
        assertEquals("3", cell(html, "08:00"), "busiest hour");
        assertEquals("1", cell(html, "20:00"));
        assertEquals("2", cell(html, "10/05/2019"));
        assertEquals("0", cell(html, "11/05/2019"), "quiet days are shown");
        assertTrue(html.contains("<td>Cho hỏi làm VNeID ở đâu ạ</td><td class=\"num\">2</td>")
                || html.contains("<td>Làm VNeID ở đâu?</td><td class=\"num\">2</td>"), "near-duplicates grouped");
        assertTrue(html.contains("href=\"/api/insights/export.xlsx?from=2019-05-10&amp;to=2019-05-16"), "shareable export link");
    }

    @Test
    void filtersNarrowTheFigures() {
        String html = page("/quan-tri?from=2019-05-10&to=2019-05-16&channel=zalo-fixture");
        assertTrue(html.contains("<strong>2</strong>"));
        assertEquals(null, cell(html, "web"));
    }

    @Test
    void badFiltersAreAReadable400() {
        HttpResponse<String> r = new ConsoleClient(client.toBlocking()).exchange(HttpRequest.GET("/quan-tri?from=hom-qua")
                .accept(MediaType.TEXT_HTML).basicAuth("admin", PASSWORD));
        assertEquals(400, r.code());
        assertTrue(ConsoleClient.body(r).contains("Ngày không hợp lệ"));
    }

    @Test
    void theMonthlyReportCoversTheCalendarMonth() {
        String html = page("/quan-tri/bao-cao?thang=2019-05");
        assertTrue(html.contains("Báo cáo tháng 01/05/2019 – 31/05/2019"));
        assertTrue(html.contains("<strong>7</strong>"));
    }
}

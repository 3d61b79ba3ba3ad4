package vn.hoidap.search;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@SuppressWarnings("unchecked")
class SearchControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Map<String, Object> get(String... params) {
        UriBuilder uri = UriBuilder.of("/api/search");
        for (int i = 0; i < params.length; i += 2) {
            uri.queryParam(params[i], params[i + 1]);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), Argument.mapOf(String.class, Object.class));
    }

    private static List<Map<String, Object>> hits(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("hits");
    }

    private HttpClientResponseException failure(String... params) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get(params));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        return e;
    }

    private static String error(HttpClientResponseException e) {
        return String.valueOf(e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow()
                .get("error"));
    }

    @Test
    void returnsRankedHitsWithEveryField() {
        Map<String, Object> body = get("q", "chuyen gia chuyen doi so", "limit", "5");
        assertEquals("chuyen gia chuyen doi so", body.get("query"));
        List<Map<String, Object>> hits = hits(body);
        assertFalse(hits.isEmpty());
        assertTrue(hits.size() <= 5);
        Map<String, Object> top = hits.get(0);
        for (String key : List.of("type", "id", "title", "snippet", "score", "planId", "url")) {
            assertNotNull(top.get(key), key);
        }
        assertTrue(List.of("passage", "task", "target", "deadline", "responsibility", "faq").contains(top.get("type")));
        assertTrue(String.valueOf(top.get("url")).startsWith("/"));
    }

    @Test
    void defaultLimitIsTen() {
        assertEquals(SearchController.DEFAULT_LIMIT, hits(get("q", "chuyển đổi số")).size());
    }

    @Test
    void filtersByTypeLowerCase() {
        List<Map<String, Object>> hits = hits(get("q", "chuyển đổi số", "type", "task", "limit", "20"));
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.get("type").equals("task")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binh dinh", "Bình Định", "tỉnh Bình Định", "BINH DINH"})
    void filtersByProvinceWithOrWithoutDiacritics(String province) {
        List<Map<String, Object>> hits = hits(get("q", "chuyển đổi số", "province", province));
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> "binh-dinh-2022".equals(h.get("planId"))), hits.toString());
    }

    @Test
    void aProvinceWithoutPlansHasNoHitsAndIsNoError() {
        assertTrue(hits(get("q", "chuyển đổi số", "province", "Cà Mau")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyQueryIsRefusedInVietnamese(String q) {
        assertTrue(error(failure("q", q)).contains("Thiếu nội dung tìm kiếm"));
    }

    @Test
    void missingQueryIsRefused() {
        assertTrue(error(failure("limit", "5")).contains("Thiếu nội dung tìm kiếm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "abc", "1e3", "99999999999"})
    void limitOutsideOneToFiftyIsRefused(String limit) {
        assertTrue(error(failure("q", "chuyển đổi số", "limit", limit)).contains("từ 1 đến 50"));
    }

    @Test
    void limitFiftyIsAccepted() {
        assertEquals(50, hits(get("q", "chuyển đổi số", "limit", "50")).size());
    }

    @Test
    void unknownTypeIsRefused() {
        assertTrue(error(failure("q", "chuyển đổi số", "type", "plan")).contains("Loại kết quả không hợp lệ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"chuyển đổi", "a AND (b OR NOT c)", "* ? ~ : \\ /", "'; DROP TABLE x; --", "😀🚀",
            "\u0001\u0002\u001b", "<script>alert(1)</script>", "title:x^3"})
    void anyTextIsAQuery(String q) {
        Map<String, Object> body = get("q", q);
        assertEquals(q, body.get("query"));
        assertNotNull(hits(body));
    }

    @Test
    void longQueriesAreAnsweredNotFailed() {
        Map<String, Object> body = get("q", "chuyen doi so ".repeat(200));
        assertFalse(hits(body).isEmpty());
    }

    @Test
    void tenThousandCharactersOfVietnameseAreAnswered() {
        // Percent-encoded, 10,000 accented characters are ~60 KB of request line: within the configured limit.
        String q = "chuyển đổi số ".repeat(715).substring(0, 10_000);
        assertFalse(hits(get("q", q)).isEmpty());
    }
}

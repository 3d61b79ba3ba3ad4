package vn.hoidap.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import vn.hoidap.system.ApiError;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /api/search?q=&province=&type=&limit=}. Parameters arrive as text and are checked here so
 * every mistake gets a Vietnamese 400 message; {@code limit} outside 1..50 is refused, not clamped, so a
 * client learns the bound instead of silently getting fewer hits than asked.
 */
@Controller("/api/search")
class SearchController {

    static final int DEFAULT_LIMIT = 10;

    private final Searcher searcher;

    SearchController(Searcher searcher) {
        this.searcher = searcher;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> search(@QueryValue @Nullable String q, @QueryValue @Nullable String province,
                           @QueryValue @Nullable String type, @QueryValue @Nullable String limit) {
        if (q == null || q.isBlank()) {
            return ApiError.badRequest("Thiếu nội dung tìm kiếm: hãy nhập từ khóa vào tham số q.");
        }
        int n;
        try {
            n = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            return ApiError.badRequest("Tham số limit phải là số nguyên từ 1 đến " + LuceneSearcher.MAX_LIMIT + ".");
        }
        if (n < 1 || n > LuceneSearcher.MAX_LIMIT) {
            return ApiError.badRequest("Tham số limit phải là số nguyên từ 1 đến " + LuceneSearcher.MAX_LIMIT + ".");
        }
        Set<UnitType> types = EnumSet.noneOf(UnitType.class);
        if (type != null && !type.isBlank()) {
            for (String t : type.split(",")) {
                UnitType parsed = parseType(t);
                if (parsed == null) {
                    return ApiError.badRequest("Loại kết quả không hợp lệ: \"" + t.strip()
                            + "\". Các loại hợp lệ: passage, task, target, deadline, responsibility, faq.");
                }
                types.add(parsed);
            }
        }
        Set<String> planIds = Set.of();
        if (province != null && !province.isBlank()) {
            planIds = searcher.planIdsOfProvince(province);
            if (planIds.isEmpty()) {
                // a province without plans is a valid question with no answer here, not an error
                return HttpResponse.ok(new SearchResponse(q, List.of()));
            }
        }
        List<SearchResponse.Hit> hits = searcher.search(new SearchQuery(q, planIds, types, n)).stream()
                .map(SearchResponse.Hit::of).toList();
        return HttpResponse.ok(new SearchResponse(q, hits));
    }

    private static UnitType parseType(String text) {
        try {
            return UnitType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

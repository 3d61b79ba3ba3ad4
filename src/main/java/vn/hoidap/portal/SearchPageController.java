package vn.hoidap.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.search.SearchHit;
import vn.hoidap.search.SearchQuery;
import vn.hoidap.search.Searcher;
import vn.hoidap.search.UnitType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /tim-kiem?q=&tinh=&ke-hoach=&loai=}: ranked results with the query's words marked (diacritic-insensitive,
 * like the assistant), and facets by today's province, plan and type. Facet counts come from the same ranked
 * pool the results are filtered from, so a count is what clicking it shows.
 */
@Controller("/tim-kiem")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchPageController {

    static final int MAX_QUERY = 500;
    private static final int POOL = 200;
    private static final int SHOWN = 30;
    private static final String FAQ_PROVINCE = "chung";

    record Result(String kind, String title, String context, String href, List<Highlighter.Segment> snippet) {
    }

    record FacetOption(String label, long count, String href, boolean selected) {
    }

    record Facet(String name, List<FacetOption> options, String clearHref) {
    }

    private final Searcher searcher;
    private final Knowledge knowledge;
    private final ProvinceIndex provinces;

    SearchPageController(Searcher searcher, Knowledge knowledge, ProvinceIndex provinces) {
        this.searcher = searcher;
        this.knowledge = knowledge;
        this.provinces = provinces;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> search(@Nullable @QueryValue String q,
                                                           @Nullable @QueryValue String tinh,
                                                           @Nullable @QueryValue("ke-hoach") String plan,
                                                           @Nullable @QueryValue String loai) {
        String query = q == null ? "" : q.strip();
        PageModel page = PageModel.of("search", "tim-kiem").crumbs(Crumb.here("Tìm kiếm")).put("q", query)
                .put("results", List.of()).put("facets", List.of()).put("error", null).put("total", 0);
        if (query.isEmpty()) {
            return page.ok();
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            return page.put("q", query.substring(0, MAX_QUERY))
                    .put("error", "Từ khóa quá dài (tối đa " + MAX_QUERY + " ký tự); hãy rút gọn.")
                    .status(HttpStatus.BAD_REQUEST);
        }
        UnitType type = type(loai);
        List<SearchHit> pool = searcher.search(new SearchQuery(query, Set.of(), Set.of(), POOL));
        List<SearchHit> hits = pool.stream()
                .filter(h -> tinh == null || tinh.isBlank() || tinh.equals(provinceId(h)))
                .filter(h -> plan == null || plan.isBlank() || plan.equals(h.planId()))
                .filter(h -> type == null || h.type() == type).toList();
        Set<String> words = Highlighter.words(query);
        List<Result> results = hits.stream().limit(SHOWN).map(h -> result(h, words)).toList();
        Params params = new Params(query, blank(tinh), blank(plan), type == null ? null : slug(type));
        List<Facet> facets = List.of(
                facet("Tỉnh", pool, this::provinceId, this::provinceName, params, "tinh", params.tinh()),
                facet("Kế hoạch", pool, SearchHit::planId, this::planName, params, "ke-hoach", params.plan()),
                facet("Loại", pool, h -> slug(h.type()), id -> typeName(type(id)), params, "loai", params.loai()));
        return page.put("results", results).put("total", hits.size()).put("facets", facets)
                .put("filtered", params.tinh() != null || params.plan() != null || params.loai() != null)
                .put("clearAll", params.with("tinh", null).with("ke-hoach", null).with("loai", null).href())
                .ok();
    }

    private Result result(SearchHit h, Set<String> words) {
        String context = h.planId() == null ? "Hỏi đáp"
                : planName(h.planId()) + (h.section() == null ? "" : " — " + SectionLabels.label(h.section()));
        return new Result(typeName(h.type()), h.title(), context, h.url(), Highlighter.segments(h.snippet(), words));
    }

    private Facet facet(String name, List<SearchHit> pool, Function<SearchHit, String> key,
                        Function<String, String> label, Params params, String param, String selected) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SearchHit h : pool) {
            String k = key.apply(h);
            if (k != null) {
                counts.merge(k, 1L, Long::sum);
            }
        }
        List<FacetOption> options = new ArrayList<>();
        counts.forEach((k, n) -> options.add(new FacetOption(label.apply(k), n, params.with(param, k).href(),
                k.equals(selected))));
        return new Facet(name, options, selected == null ? null : params.with(param, null).href());
    }

    private String provinceId(SearchHit h) {
        if (h.planId() == null) {
            return FAQ_PROVINCE;
        }
        return knowledge.plan(h.planId()).flatMap(provinces::todayOf).map(p -> p.id()).orElse(null);
    }

    private String provinceName(String id) {
        if (FAQ_PROVINCE.equals(id)) {
            return "Hỏi đáp chung";
        }
        return knowledge.provinces().byId(id).map(p -> "Tỉnh " + p.name()).orElse(id);
    }

    private String planName(String planId) {
        return knowledge.plan(planId).map(Plan::meta).map(PlanLabels::withProvince).orElse(planId);
    }

    private static String slug(UnitType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static UnitType type(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UnitType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String typeName(UnitType t) {
        if (t == null) {
            return "Khác";
        }
        return switch (t) {
            case PASSAGE -> "Đoạn văn bản";
            case TASK -> "Nhiệm vụ";
            case TARGET -> "Mục tiêu";
            case DEADLINE -> "Thời hạn báo cáo";
            case RESPONSIBILITY -> "Trách nhiệm";
            case FAQ -> "Hỏi đáp";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The current search as a link, with one parameter changed. */
    private record Params(String q, String tinh, String plan, String loai) {
        Params with(String name, String value) {
            return switch (name) {
                case "tinh" -> new Params(q, value, plan, loai);
                case "ke-hoach" -> new Params(q, tinh, value, loai);
                default -> new Params(q, tinh, plan, value);
            };
        }

        String href() {
            StringBuilder sb = new StringBuilder("/tim-kiem?q=").append(enc(q));
            if (tinh != null) {
                sb.append("&tinh=").append(enc(tinh));
            }
            if (plan != null) {
                sb.append("&ke-hoach=").append(enc(plan));
            }
            if (loai != null) {
                sb.append("&loai=").append(enc(loai));
            }
            return sb.toString();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}

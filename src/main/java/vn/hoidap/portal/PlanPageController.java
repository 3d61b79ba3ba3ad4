package vn.hoidap.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;

import java.util.Map;

/**
 * {@code /ke-hoach}: the plans by today's province; {@code /ke-hoach/{planId}}: one plan, with the task filters
 * {@code ?co-quan=&vai-tro=chu-tri|phoi-hop&nam=} and {@code ?ban=goc} for the text as received (OCR).
 * Answers and Telegram link to {@code /ke-hoach/{planId}#{anchor}}: those anchors are kept.
 */
@Controller("/ke-hoach")
class PlanPageController {

    private final Knowledge knowledge;
    private final ProvinceIndex provinces;
    private final PlanPage page;

    PlanPageController(Knowledge knowledge, ProvinceIndex provinces, PlanPage page) {
        this.knowledge = knowledge;
        this.provinces = provinces;
        this.page = page;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index() {
        return PageModel.of("plans", "ke-hoach").crumbs(Crumb.here("Kế hoạch"))
                .put("provinces", provinces.all()).view();
    }

    @Get(value = "/{planId}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> plan(@PathVariable String planId,
                                                         @Nullable @QueryValue("co-quan") String agency,
                                                         @Nullable @QueryValue("vai-tro") String role,
                                                         @Nullable @QueryValue("nam") String year,
                                                         @Nullable @QueryValue("ban") String version) {
        Plan plan = knowledge.plan(planId).orElse(null);
        if (plan == null) {
            return NotFound.page("Không tìm thấy kế hoạch “" + planId + "”.", new Crumb("Kế hoạch", "/ke-hoach"));
        }
        PlanPage.Asked asked = new PlanPage.Asked(blankToNull(agency),
                "chu-tri".equals(role) || "phoi-hop".equals(role) ? role : null, parseYear(year));
        return page.model(plan, asked, "goc".equals(version)).ok();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A year the filter can use, or none: "abc" or "99999" is ignored, not an error page. */
    private static Integer parseYear(String s) {
        if (s == null || !s.strip().matches("(19|20)\\d{2}")) {
            return null;
        }
        return Integer.parseInt(s.strip());
    }
}

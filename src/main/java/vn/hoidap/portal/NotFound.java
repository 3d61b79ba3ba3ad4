package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The HTML 404 of a page whose id is unknown (an unknown plan, agency, province, topic). */
final class NotFound {

    private NotFound() {
    }

    static HttpResponse<ModelAndView<Map<String, Object>>> page(String detail, Crumb... parents) {
        List<Crumb> crumbs = new ArrayList<>(Arrays.asList(parents));
        crumbs.add(Crumb.here("Không tìm thấy"));
        return PageModel.of("error", null).crumbs(crumbs.toArray(Crumb[]::new))
                .put("code", 404).put("detail", detail)
                .status(HttpStatus.NOT_FOUND).header("Cache-Control", "no-store");
    }
}

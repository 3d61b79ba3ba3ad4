package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's model for {@code views/layout.html}: the view, which nav item is current, the breadcrumbs, and the
 * page's own data. Mutable on purpose: {@link PortalModel} adds the layout's shared values before rendering.
 */
public final class PageModel {

    private final String view;
    private final Map<String, Object> model = new LinkedHashMap<>();

    private PageModel(String view, String nav) {
        this.view = view;
        model.put("nav", nav);
        model.put("crumbs", List.of());
    }

    /** {@code nav}: the header item this page belongs to ("ke-hoach", "co-quan", "hoi-dap", "tim-kiem"), or null. */
    public static PageModel of(String view, String nav) {
        return new PageModel(view, nav);
    }

    /** The trail after "Trang chủ", which the layout always puts first. */
    public PageModel crumbs(Crumb... crumbs) {
        model.put("crumbs", Arrays.asList(crumbs));
        return this;
    }

    public PageModel put(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public ModelAndView<Map<String, Object>> view() {
        return new ModelAndView<>(view, model);
    }

    public MutableHttpResponse<ModelAndView<Map<String, Object>>> status(HttpStatus status) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(view());
    }

    public MutableHttpResponse<ModelAndView<Map<String, Object>>> ok() {
        return status(HttpStatus.OK);
    }
}

package vn.hoidap.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Province;

import java.util.Map;

/**
 * The embeddable assistant. A provincial portal pastes one tag,
 * {@code <script src="https://…/static/widget.js" data-title="…" data-province="dong-nai" defer></script>};
 * the script opens {@code /tro-ly/nhung} in an iframe inside a shadow root, so neither page's styles reach the
 * other. The host must be listed in {@code hoidap.portal.frame-ancestors}. {@code /tro-ly/nhung-thu} shows the
 * tag and the widget working.
 */
@Controller("/tro-ly")
class WidgetController {

    private static final int MAX_TITLE = 80;

    private final Knowledge knowledge;

    WidgetController(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Get(value = "/nhung", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> embed(@Nullable @QueryValue("tieu-de") String title,
                                            @Nullable @QueryValue("tinh") String province) {
        String t = title == null || title.isBlank() ? "Hỏi đáp Chuyển đổi số" : title.strip();
        if (t.length() > MAX_TITLE) {
            t = t.substring(0, MAX_TITLE);
        }
        Province p = province == null ? null
                : knowledge.provinces().byId(province.strip()).or(() -> knowledge.provinces().resolve(province)).orElse(null);
        return PageModel.of("embed", null).put("title", t).put("province", p == null ? null : p.name())
                .put("provinceName", p == null ? null : knowledge.provinces().today(p).name()).view();
    }

    @Get(value = "/nhung-thu", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> demo() {
        return PageModel.of("widget-demo", null).crumbs(Crumb.here("Nhúng trợ lý vào cổng thông tin")).view();
    }
}

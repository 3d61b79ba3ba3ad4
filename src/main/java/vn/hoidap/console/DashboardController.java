package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import vn.hoidap.insights.Dashboard;

import java.time.YearMonth;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** {@code /quan-tri}: the communications team's dashboard (filters in the URL, so views can be shared). */
@Controller("/quan-tri")
@Secured({Roles.COMMS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {

    private final PageModel pages;
    private final Dashboard dashboard;

    DashboardController(PageModel pages, Dashboard dashboard) {
        this.pages = pages;
        this.dashboard = dashboard;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> dashboard(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                              @Nullable @QueryValue String channel, @Nullable @QueryValue String province,
                              @Nullable @QueryValue String theme) {
        Map<String, Object> model = pages.of(request);
        model.put("report", false);
        model.put("query", "");
        try {
            model.putAll(dashboard.model(from, to, channel, province, theme));
            return HttpResponse.ok(new ModelAndView<>("console/dashboard", model));
        } catch (IllegalArgumentException e) {
            model.putAll(dashboard.model(null, null, null, null, null));
            model.put("error", e.getMessage());
            return HttpResponse.badRequest(new ModelAndView<>("console/dashboard", model));
        }
    }

    /** The printable one-page monthly report: the dashboard of one calendar month ({@code thang=2026-11}). */
    @Get(value = "/bao-cao", produces = MediaType.TEXT_HTML)
    HttpResponse<?> monthly(HttpRequest<?> request, @Nullable @QueryValue String thang) {
        YearMonth month;
        try {
            month = thang == null || thang.isBlank() ? YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1)
                    : YearMonth.parse(thang.strip());
        } catch (java.time.format.DateTimeParseException e) {
            month = null;
        }
        if (month == null || month.getYear() < 2000 || month.getYear() > 2100) {
            Map<String, Object> model = pages.of(request);
            model.put("title", "Tháng không hợp lệ");
            model.put("message", "Tháng phải có dạng YYYY-MM, ví dụ 2026-11.");
            return HttpResponse.badRequest(new ModelAndView<>("console/message", model));
        }
        Map<String, Object> model = pages.of(request);
        model.putAll(dashboard.model(month.atDay(1).toString(), month.atEndOfMonth().toString(), null, null, null));
        model.put("report", true);
        model.put("query", null);
        return HttpResponse.ok(new ModelAndView<>("console/dashboard", model));
    }
}

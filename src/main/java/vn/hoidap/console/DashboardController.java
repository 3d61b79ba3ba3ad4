package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** {@code /quan-tri}: the communications team's dashboard. */
@Controller("/quan-tri")
@Secured({Roles.COMMS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {

    private final PageModel pages;

    DashboardController(PageModel pages) {
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> dashboard(HttpRequest<?> request) {
        return new ModelAndView<>("console/dashboard", pages.of(request));
    }
}

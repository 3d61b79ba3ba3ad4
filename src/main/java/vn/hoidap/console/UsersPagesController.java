package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The users page for admins: who may sign in, with which role, and the latest changes anyone made in the
 * console. Plain forms (no JavaScript), each with the CSRF field; the rules are {@link UserAdmin}'s, as for the API.
 */
@Controller("/quan-tri/nguoi-dung")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersPagesController {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final PageModel pages;
    private final UserAdmin admin;
    private final AuditRepository auditLog;
    private final Csrf csrf;

    UsersPagesController(PageModel pages, UserAdmin admin, AuditRepository auditLog, Csrf csrf) {
        this.pages = pages;
        this.admin = admin;
        this.auditLog = auditLog;
        this.csrf = csrf;
    }

    @Serdeable
    record NewUserForm(@Nullable String _csrf, @Nullable String username, @Nullable String password,
                       @Nullable String role) {
    }

    /** A checkbox is absent when unticked, so "enabled" comes with a hidden marker that the form was sent. */
    @Serdeable
    record ChangeForm(@Nullable String _csrf, @Nullable String role, @Nullable String enabled,
                      @Nullable String password) {
    }

    /** One audit line as the page shows it: Vietnam's time, dd/mm/yyyy. */
    record AuditLine(String at, String actor, String action, String target) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String ok) {
        List<AuditLine> changes = auditLog.findTop100OrderByIdDesc().stream().limit(50)
                .map(e -> new AuditLine(VN.format(e.at()), e.actor(), e.action(), e.target() == null ? "" : e.target()))
                .toList();
        return new ModelAndView<>("console/users", pages.page(request).flash(ok != null)
                .put("users", admin.list()).put("changes", changes).build());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, @Body NewUserForm form, Authentication who) {
        csrf.require(request, form._csrf());
        try {
            admin.create(form.username(), form.password(), form.role(), who.getName());
        } catch (InvalidConsoleRequest e) {
            return message(request, e.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/quan-tri/nguoi-dung?ok"));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable String id, @Body ChangeForm form, Authentication who) {
        csrf.require(request, form._csrf());
        String password = form.password() == null || form.password().isEmpty() ? null : form.password();
        try {
            admin.change(id, form.role(), "on".equals(form.enabled()), password, who.getName());
        } catch (InvalidConsoleRequest e) {
            return message(request, e.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/quan-tri/nguoi-dung?ok"));
    }

    private HttpResponse<?> message(HttpRequest<?> request, String text) {
        return HttpResponse.badRequest(new ModelAndView<>("console/message",
                pages.page(request).message("Chưa lưu được", text).build()));
    }
}

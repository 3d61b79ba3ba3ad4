package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.system.ApiError;

import java.util.List;

/** Console users (admins only): list, create, change role / enable / password; every change audited. */
@Controller("/api/admin")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    private final UserAdmin admin;
    private final AuditRepository auditLog;

    UsersController(UserAdmin admin, AuditRepository auditLog) {
        this.admin = admin;
        this.auditLog = auditLog;
    }

    @Serdeable
    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role) {
    }

    @Serdeable
    record UserChange(@Nullable String role, @Nullable Boolean enabled, @Nullable String password) {
    }

    @Get("/users")
    List<UserView> list() {
        return admin.list();
    }

    @Post("/users")
    HttpResponse<UserView> create(@Body NewUser body, Authentication who) {
        return HttpResponse.status(HttpStatus.CREATED).body(admin.create(body.username(), body.password(), body.role(),
                who.getName()));
    }

    @Put("/users/{id}")
    UserView change(@PathVariable String id, @Body UserChange body, Authentication who) {
        return admin.change(id, body.role(), body.enabled(), body.password(), who.getName());
    }

    @Get("/audit")
    List<AuditEntry> audit() {
        return auditLog.findTop100OrderByIdDesc();
    }

    @Error(exception = InvalidConsoleRequest.class)
    HttpResponse<ApiError> invalid(HttpRequest<?> request, InvalidConsoleRequest e) {
        return ApiError.badRequest(e.getMessage());
    }
}

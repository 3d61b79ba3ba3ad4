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

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Console users (admins only): list, create, change role / enable / password; every change audited. */
@Controller("/api/admin")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    private final ConsoleUserRepository users;
    private final Passwords passwords;
    private final Audit audit;
    private final AuditRepository auditLog;

    UsersController(ConsoleUserRepository users, Passwords passwords, Audit audit, AuditRepository auditLog) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
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
        return users.findAllOrderByUsername().stream().map(ConsoleUser::view).toList();
    }

    @Post("/users")
    HttpResponse<UserView> create(@Body NewUser body, Authentication who) {
        String name = body.username() == null ? "" : body.username().strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidConsoleRequest("Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.");
        }
        String role = role(body.role());
        String problem = Passwords.problem(body.password());
        if (problem != null) {
            throw new InvalidConsoleRequest(problem);
        }
        if (users.findByUsername(name).isPresent()) {
            throw new InvalidConsoleRequest("Tên đăng nhập \"" + name + "\" đã có.");
        }
        Instant now = Instant.now();
        ConsoleUser saved = users.save(new ConsoleUser(null, name, passwords.hash(body.password()), role, true, now, now));
        audit.record(who.getName(), "user.create", "user:" + name, null, saved.view());
        return HttpResponse.status(HttpStatus.CREATED).body(saved.view());
    }

    @Put("/users/{id}")
    UserView change(@PathVariable String id, @Body UserChange body, Authentication who) {
        ConsoleUser before = users.findById(id(id))
                .orElseThrow(() -> new InvalidConsoleRequest("Không có người dùng mã " + id + "."));
        String role = body.role() == null ? before.role() : role(body.role());
        boolean enabled = body.enabled() == null ? before.enabled() : body.enabled();
        if (before.username().equals(who.getName()) && (!enabled || !Roles.ADMIN.equals(role))) {
            throw new InvalidConsoleRequest("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.");
        }
        Instant now = Instant.now();
        ConsoleUser after = before.with(role, enabled, now);
        if (body.password() != null) {
            String problem = Passwords.problem(body.password());
            if (problem != null) {
                throw new InvalidConsoleRequest(problem);
            }
            after = after.withPassword(passwords.hash(body.password()), now);
        }
        users.update(after);
        audit.record(who.getName(), body.password() != null ? "user.update+password" : "user.update",
                "user:" + before.username(), before.view(), after.view());
        return after.view();
    }

    @Get("/audit")
    List<AuditEntry> audit() {
        return auditLog.findTop100OrderByIdDesc();
    }

    @Error(exception = InvalidConsoleRequest.class)
    HttpResponse<ApiError> invalid(HttpRequest<?> request, InvalidConsoleRequest e) {
        return ApiError.badRequest(e.getMessage());
    }

    private static String role(String role) {
        String r = role == null ? "" : role.strip();
        if (!Roles.ALL.contains(r)) {
            throw new InvalidConsoleRequest("Vai trò phải là comms (truyền thông) hoặc admin (quản trị).");
        }
        return r;
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidConsoleRequest("Mã người dùng phải là số.");
        }
    }
}

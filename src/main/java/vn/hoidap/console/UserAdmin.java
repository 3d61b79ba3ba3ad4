package vn.hoidap.console;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creating and changing console users, for the JSON API and the page alike: the rules (user name shape,
 * roles, password strength, nobody locks themselves out) and the audit record live here once.
 */
@Singleton
final class UserAdmin {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    private final ConsoleUserRepository users;
    private final Passwords passwords;
    private final Audit audit;

    UserAdmin(ConsoleUserRepository users, Passwords passwords, Audit audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    List<UserView> list() {
        return users.findAllOrderByUsername().stream().map(ConsoleUser::view).toList();
    }

    UserView create(String username, String password, String role, String actor) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidConsoleRequest("Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.");
        }
        String checkedRole = role(role);
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new InvalidConsoleRequest(problem);
        }
        if (users.findByUsername(name).isPresent()) {
            throw new InvalidConsoleRequest("Tên đăng nhập \"" + name + "\" đã có.");
        }
        Instant now = Instant.now();
        ConsoleUser saved = users.save(new ConsoleUser(null, name, passwords.hash(password), checkedRole, true, now, now));
        audit.record(actor, "user.create", "user:" + name, null, saved.view());
        return saved.view();
    }

    /** Changes what is given (null: unchanged); an empty password means "keep it" on the page. */
    UserView change(String id, String role, Boolean enabled, String password, String actor) {
        ConsoleUser before = users.findById(id(id))
                .orElseThrow(() -> new InvalidConsoleRequest("Không có người dùng mã " + id + "."));
        String newRole = role == null ? before.role() : role(role);
        boolean newEnabled = enabled == null ? before.enabled() : enabled;
        if (before.username().equals(actor) && (!newEnabled || !Roles.ADMIN.equals(newRole))) {
            throw new InvalidConsoleRequest("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.");
        }
        Instant now = Instant.now();
        ConsoleUser after = before.with(newRole, newEnabled, now);
        if (password != null) {
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw new InvalidConsoleRequest(problem);
            }
            after = after.withPassword(passwords.hash(password), now);
        }
        users.update(after);
        audit.record(actor, password != null ? "user.update+password" : "user.update",
                "user:" + before.username(), before.view(), after.view());
        return after.view();
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
            return Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConsoleRequest("Mã người dùng phải là số.");
        }
    }
}

package vn.hoidap.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users page through real HTTP and the real sign-in: an admin adds, changes and locks a user; nobody else can. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersPageTest implements TestPropertyProvider {

    static final String ADMIN_PASSWORD = "mật-khẩu-trang-người-dùng";
    /** Unique per run (the suite shares one database), without reading the clock. */
    static final String USER = "tt" + java.util.UUID.randomUUID().toString().substring(0, 5);
    static final String USER_PASSWORD = "Mật khẩu đủ dài 2026";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.console.admin-password", ADMIN_PASSWORD,
                "micronaut.http.client.follow-redirects", "false");
    }

    ConsoleClient admin() {
        ConsoleClient b = new ConsoleClient(client.toBlocking());
        assertEquals(3, b.signIn("admin", ADMIN_PASSWORD).code() / 100);
        return b;
    }

    @Test
    void anAdminAddsAUserWhoSignsInWithTheRoleGivenAndIsLockedOutWhenDisabled() {
        ConsoleClient b = admin();
        HttpResponse<String> page = b.get("/quan-tri/nguoi-dung");
        assertEquals(200, page.code(), ConsoleClient.body(page));
        assertTrue(ConsoleClient.body(page).contains("<h3>admin</h3>"), "the admin is listed");

        Map<String, String> form = new HashMap<>(Map.of("username", USER, "password", USER_PASSWORD, "role", "comms"));
        assertEquals(403, b.postForm("/quan-tri/nguoi-dung", form).code(), "no CSRF field: refused");
        form.put("_csrf", b.csrf);
        HttpResponse<String> created = b.postForm("/quan-tri/nguoi-dung", form);
        assertEquals(303, created.code(), ConsoleClient.body(created));
        String listed = ConsoleClient.body(b.get("/quan-tri/nguoi-dung"));
        assertTrue(listed.contains("<h3>" + USER + "</h3>"), "the new user is listed");
        assertTrue(listed.contains("user:" + USER), "the change is in the recent changes");

        // the new user signs in as comms: the dashboard yes, the users page no, and no link to it
        ConsoleClient comms = new ConsoleClient(client.toBlocking());
        assertEquals(3, comms.signIn(USER, USER_PASSWORD).code() / 100);
        HttpResponse<String> dashboard = comms.get("/quan-tri");
        assertEquals(200, dashboard.code());
        assertFalse(ConsoleClient.body(dashboard).contains("/quan-tri/nguoi-dung"), "no link for comms");
        assertEquals(403, comms.get("/quan-tri/nguoi-dung").code());

        // locked: the change form without "enabled" ticked
        String id = idOf(listed, USER);
        HttpResponse<String> locked = b.postForm("/quan-tri/nguoi-dung/" + id,
                Map.of("_csrf", b.csrf, "role", "comms", "password", ""));
        assertEquals(303, locked.code(), ConsoleClient.body(locked));
        ConsoleClient again = new ConsoleClient(client.toBlocking());
        HttpResponse<String> refused = again.signIn(USER, USER_PASSWORD);
        assertFalse("/quan-tri".equals(refused.header("Location")), "a disabled user is not signed in");
        assertTrue(ConsoleClient.body(refused).contains("không đúng, hoặc tài khoản đã bị khóa"), ConsoleClient.body(refused));
        assertFalse(again.get("/quan-tri").code() == 200, "and gets no dashboard");
    }

    @Test
    void badFormsAreClearVietnameseErrorsAndTheAdminCannotLockThemselfOut() {
        ConsoleClient b = admin();
        String page = ConsoleClient.body(b.get("/quan-tri/nguoi-dung"));
        HttpResponse<String> bad = b.postForm("/quan-tri/nguoi-dung",
                Map.of("_csrf", b.csrf, "username", "Tên Có Dấu", "password", USER_PASSWORD, "role", "comms"));
        assertEquals(400, bad.code());
        assertTrue(ConsoleClient.body(bad).contains("Tên đăng nhập gồm 3–40 ký tự"), ConsoleClient.body(bad));
        HttpResponse<String> self = b.postForm("/quan-tri/nguoi-dung/" + idOf(page, "admin"),
                Map.of("_csrf", b.csrf, "role", "comms", "enabled", "on", "password", ""));
        assertEquals(400, self.code());
        assertTrue(ConsoleClient.body(self).contains("Không thể tự khóa"), ConsoleClient.body(self));
        assertEquals(400, b.postForm("/quan-tri/nguoi-dung/abc", Map.of("_csrf", b.csrf, "role", "comms")).code());
    }

    /** The id in the change form's action that follows the user's heading. */
    private static String idOf(String page, String username) {
        int at = page.indexOf("<h3>" + username + "</h3>");
        Matcher m = Pattern.compile("action=\"/quan-tri/nguoi-dung/(\\d+)\"").matcher(page);
        assertTrue(at >= 0 && m.find(at), "a change form for " + username);
        return m.group(1);
    }
}

package vn.hoidap.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in through the real form and HTTP Basic: cookies, CSRF, roles, back-off, audit, public routes. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest implements TestPropertyProvider {

    static final String ADMIN_PASSWORD = "mật-khẩu-quản-trị-thử";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("hoidap.console.admin-password", ADMIN_PASSWORD,
                "hoidap.console.free-attempts", "2",
                "hoidap.console.renew-after", "0s",
                "micronaut.http.client.follow-redirects", "false");
    }

    ConsoleClient browser() {
        return new ConsoleClient(client.toBlocking());
    }

    @Test
    void theLoginFormSetsAStrictHttpOnlySecureSessionCookieAndOpensTheDashboard() {
        ConsoleClient b = browser();
        HttpResponse<String> login = b.signIn("admin", ADMIN_PASSWORD);
        assertEquals(HttpStatus.SEE_OTHER.getCode() / 100, login.code() / 100, "a redirect after sign-in");
        assertEquals("/quan-tri", login.header("Location"));
        String jwt = ConsoleClient.setCookies(login).stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        String flags = jwt.toLowerCase();
        assertTrue(flags.contains("httponly"), jwt);
        assertTrue(flags.contains("secure"), jwt);
        assertTrue(flags.contains("samesite=strict"), jwt);
        HttpResponse<String> home = b.get("/quan-tri");
        assertEquals(200, home.code());
        assertTrue(ConsoleClient.body(home).contains("Đăng xuất"));
        // renew-after is 0 s here: every request made with the cookie gets a fresh one (the idle time-out)
        assertTrue(ConsoleClient.setCookies(home).stream().anyMatch(c -> c.startsWith("JWT=")));
    }

    @Test
    void signOutNeedsTheFormTokenAndEndsTheSession() {
        ConsoleClient b = browser();
        b.signIn("admin", ADMIN_PASSWORD);
        b.get("/quan-tri");
        assertEquals(403, b.postForm("/logout", Map.of("_csrf", "forged-token-forged-token")).code());
        HttpResponse<String> out = b.postForm("/logout", Map.of("_csrf", b.csrf));
        assertEquals(3, out.code() / 100);
        assertFalse(b.cookies.containsKey("JWT"), "the session cookie is cleared");
        assertEquals(3, b.get("/quan-tri").code() / 100, "back to the sign-in page");
    }

    @Test
    void aLoginPostWithoutTheFormTokenIsRefusedBeforeThePasswordIsChecked() {
        ConsoleClient b = browser();
        b.get("/quan-tri/dang-nhap");
        HttpResponse<String> r = b.postForm("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertEquals(403, r.code());
        assertFalse(b.cookies.containsKey("JWT"));
        // a token from another browser does not help either
        ConsoleClient other = browser();
        other.get("/quan-tri/dang-nhap");
        assertEquals(403, b.postForm("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD,
                "_csrf", other.csrf)).code());
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownAndLogged() {
        String user = "cham-" + System.nanoTime() % 100000;
        createUser(user, "mật-khẩu-đúng-123", Roles.COMMS);
        Logger log = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            ConsoleClient b = browser();
            for (int i = 0; i < 10; i++) {
                assertEquals(401, b.signIn(user, "sai-" + i).code());
            }
            // after 10 tries the wait is 2^8 s: even the right password is refused, with a Vietnamese message
            HttpResponse<String> r = b.signIn(user, "mật-khẩu-đúng-123");
            assertEquals(401, r.code());
            assertTrue(ConsoleClient.body(r).contains("Đã nhập sai quá nhiều lần"), ConsoleClient.body(r));
            assertFalse(b.cookies.containsKey("JWT"));
            assertTrue(seen.list.size() >= 10, "every failure is logged");
            assertTrue(seen.list.stream().allMatch(e -> !e.getFormattedMessage().contains("mật-khẩu-đúng")),
                    "never the password");
            // Basic from the same address is held back the same way
            var basic = HttpRequest.GET("/api/insights/topics").basicAuth(user, "mật-khẩu-đúng-123");
            assertEquals(401, browser().exchange(basic).code());
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void rolesDecideWhatAUserMaySee() {
        String user = "truyenthong-" + System.nanoTime() % 100000;
        createUser(user, "mật-khẩu-truyền-thông", Roles.COMMS);
        ConsoleClient comms = browser();
        assertEquals(3, comms.signIn(user, "mật-khẩu-truyền-thông").code() / 100);
        assertEquals(200, comms.get("/quan-tri").code());
        assertEquals(200, comms.exchange(HttpRequest.GET("/api/insights/topics")).code());
        assertEquals(403, comms.exchange(HttpRequest.GET("/api/admin/users")).code());
        assertEquals(403, comms.exchange(HttpRequest.GET("/api/admin/audit")).code());
        assertEquals(403, comms.exchange(HttpRequest.GET("/prometheus")).code());
    }

    @Test
    void cookieSessionsNeedTheCsrfHeaderForApiChangesAndEveryChangeIsAudited() {
        ConsoleClient b = browser();
        b.signIn("admin", ADMIN_PASSWORD);
        b.get("/quan-tri");
        String user = "moi-" + System.nanoTime() % 100000;
        Map<String, String> body = Map.of("username", user, "password", "mật-khẩu-mới-123", "role", "comms");
        assertEquals(403, b.exchange(HttpRequest.POST("/api/admin/users", body)).code(), "no header: forged");
        HttpResponse<String> created = b.exchange(HttpRequest.POST("/api/admin/users", body).header(Csrf.HEADER, b.csrf));
        assertEquals(201, created.code(), ConsoleClient.body(created));
        HttpResponse<String> audit = b.exchange(HttpRequest.GET("/api/admin/audit"));
        assertTrue(ConsoleClient.body(audit).contains("\"target\":\"user:" + user + "\""), ConsoleClient.body(audit));
        assertTrue(ConsoleClient.body(audit).contains("\"actor\":\"admin\""));
        assertFalse(ConsoleClient.body(audit).contains("$2a$"), "no password hash in the audit trail");
        // a bad value is a Vietnamese 400, not a 500
        HttpResponse<String> bad = b.exchange(HttpRequest.POST("/api/admin/users",
                Map.of("username", "x", "password", "ngắn", "role", "comms")).header(Csrf.HEADER, b.csrf));
        assertEquals(400, bad.code());
        assertTrue(ConsoleClient.body(bad).contains("Tên đăng nhập"));
    }

    @Test
    void publicRoutesStayAnonymous() {
        ConsoleClient anonymous = browser();
        assertEquals(200, anonymous.exchange(HttpRequest.GET("/api/plans")).code());
        assertEquals(200, anonymous.exchange(HttpRequest.GET("/api/agencies")).code());
        assertEquals(200, anonymous.exchange(HttpRequest.GET("/api/search?q=ch%E1%BB%AF%20k%C3%BD%20s%E1%BB%91")).code());
        assertEquals(200, anonymous.exchange(HttpRequest.POST("/api/chat", Map.of("message", "Chữ ký số là gì?"))).code());
        assertEquals(200, anonymous.exchange(HttpRequest.GET("/health")).code());
        assertEquals(404, anonymous.exchange(HttpRequest.GET("/khong-co-trang-nay")).code());
    }

    private void createUser(String name, String password, String role) {
        HttpResponse<String> r = browser().exchange(HttpRequest.POST("/api/admin/users",
                Map.of("username", name, "password", password, "role", role)).basicAuth("admin", ADMIN_PASSWORD));
        assertEquals(201, r.code(), ConsoleClient.body(r));
    }
}

package vn.hoidap.console;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one builder of console page models: the layout's entries, the flash message, the page's own. */
class PageModelTest {

    private final PageModel pages = new PageModel(new Csrf(new ConsoleConfig(null, "/tmp/x", 3, Duration.ofMinutes(15),
            Duration.ofMinutes(1), true)));

    private static MutableHttpRequest<?> signedIn(String name, List<String> roles) {
        MutableHttpRequest<?> r = new SimpleHttpRequest<>(HttpMethod.GET, "/quan-tri", null);
        r.cookie(Cookie.of(Csrf.COOKIE, "token-of-this-browser"));
        r.setAttribute(io.micronaut.http.HttpAttributes.PRINCIPAL, Authentication.build(name, roles));
        return r;
    }

    @Test
    void theLayoutEntriesComeFromTheSignedInUser() {
        Map<String, Object> admin = pages.page(signedIn("lan", List.of(Roles.ADMIN, Roles.COMMS))).build();
        assertEquals("lan", admin.get("user"));
        assertEquals(true, admin.get("admin"), "an admin sees the admin-only navigation");
        assertEquals("token-of-this-browser", admin.get("csrf"));

        Map<String, Object> comms = pages.page(signedIn("minh", List.of(Roles.COMMS))).build();
        assertEquals(false, comms.get("admin"), "the communications team does not");
    }

    @Test
    void anonymousPagesHaveNoUserButATokenForTheirForm() {
        Map<String, Object> model = pages.of(new SimpleHttpRequest<>(HttpMethod.GET, "/quan-tri/dang-nhap", null));
        assertNull(model.get("user"));
        assertEquals(false, model.get("admin"));
        assertNotNull(model.get("csrf"), "a fresh token the response sets as a cookie");
    }

    @Test
    void flashMessageAndOwnEntries() {
        Map<String, Object> model = pages.page(signedIn("lan", List.of(Roles.ADMIN))).flash(true)
                .message("Chưa lưu được", "Hãy chọn một thao tác.").put("users", List.of("a")).build();
        assertEquals(true, model.get("ok"));
        assertEquals("Chưa lưu được", model.get("title"));
        assertEquals("Hãy chọn một thao tác.", model.get("message"));
        assertEquals(List.of("a"), model.get("users"));
        model.put("later", 1); // pages may still add to the map
        assertEquals(1, model.get("later"));
    }
}

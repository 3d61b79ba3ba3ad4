package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.hoidap.system.ApiError;

import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in form ({@code GET /quan-tri/dang-nhap}), its target ({@code POST /login}) and sign-out
 * ({@code POST /logout}). Written here rather than micronaut-security's own login endpoint so the form's
 * CSRF field is checked before the password is, and a refusal is a readable page, not a bare 401.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private final Accounts accounts;
    private final Csrf csrf;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler;
    private final HttpClientAddressResolver addresses;

    LoginController(Accounts accounts, Csrf csrf, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
                    LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler,
                    HttpClientAddressResolver addresses) {
        this.accounts = accounts;
        this.csrf = csrf;
        this.loginHandler = loginHandler;
        this.logoutHandler = logoutHandler;
        this.addresses = addresses;
    }

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String _csrf) {
    }

    @Serdeable
    record CsrfOnly(@Nullable String _csrf) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(value = "/quan-tri/dang-nhap", produces = MediaType.TEXT_HTML)
    HttpResponse<?> form(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, null, null);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        csrf.require(request, form._csrf());
        String address = String.valueOf(addresses.resolve(request));
        AuthenticationResponse result = accounts.authenticate(form.username(), form.password(), address);
        if (result.isAuthenticated() && result.getAuthentication().isPresent()) {
            return loginHandler.loginSuccess(result.getAuthentication().get(), request);
        }
        String message = result.getMessage().filter(m -> m.startsWith("Đã nhập sai"))
                .orElse("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.");
        return page(request, HttpStatus.UNAUTHORIZED, message, form.username());
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> logout(HttpRequest<?> request, @Body CsrfOnly form) {
        csrf.require(request, form._csrf());
        return logoutHandler.logout(request);
    }

    @Error(exception = CsrfRejected.class, global = true)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> csrfRejected(HttpRequest<?> request, CsrfRejected e) {
        if (request.getPath().startsWith("/api/")) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError(e.getMessage()));
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("console/message", Map.of("title", "Không thực hiện được",
                        "message", e.getMessage(), "csrf", csrf.token(request))));
    }

    private HttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String error, String username) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.token(request));
        model.put("error", error);
        model.put("username", username == null ? "" : username);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("console/login", model));
    }
}

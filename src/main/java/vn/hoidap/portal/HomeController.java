package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the chat page at {@code /}; its script and styles come from {@code /static/}. */
@Controller
class HomeController {

    private final String page;

    HomeController() {
        try (InputStream in = HomeController.class.getResourceAsStream("/public/index.html")) {
            if (in == null) {
                throw new IllegalStateException("public/index.html is missing from the jar");
            }
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> home() {
        return HttpResponse.ok(page).header("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:");
    }
}

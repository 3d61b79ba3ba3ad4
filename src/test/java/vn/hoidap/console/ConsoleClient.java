package vn.hoidap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part of a console session over a real HTTP client: it keeps the cookies the server sets
 * (the client itself keeps none) and reads the CSRF token from the pages, as a browser's form would.
 */
final class ConsoleClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final BlockingHttpClient http;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;

    ConsoleClient(BlockingHttpClient http) {
        this.http = http;
    }

    /** Opens the login page, posts the form; returns the response to the POST (303 on success). */
    HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> page = exchange(HttpRequest.GET("/quan-tri/dang-nhap").accept(MediaType.TEXT_HTML));
        readCsrf(page.body());
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf));
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return exchange(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML));
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML));
        if (r.body() != null) {
            readCsrf(r.body());
        }
        return r;
    }

    /** Sends with this session's cookies, records the cookies set; never throws on 4xx/5xx. */
    HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> response;
        try {
            response = http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
            response = r;
            r.getBody(String.class);
        }
        for (String set : response.getHeaders().getAll("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = set.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    static String body(HttpResponse<String> r) {
        return r.getBody(String.class).orElse("");
    }

    void readCsrf(String html) {
        Matcher m = CSRF_FIELD.matcher(html == null ? "" : html);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    static List<String> setCookies(HttpResponse<?> r) {
        return r.getHeaders().getAll("Set-Cookie");
    }
}

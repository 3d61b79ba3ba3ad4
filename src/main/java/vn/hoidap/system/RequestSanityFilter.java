package vn.hoidap.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before any controller or body binding sees them, request parts that nothing in the service can
 * use and that otherwise surface as 500s deep inside: a NUL character in a parameter or path (PostgreSQL
 * refuses it in text), a {@code charset} that does not exist, a {@code Content-Encoding} the server does
 * not decode.
 */
@ServerFilter("/**")
class RequestSanityFilter implements Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;
    private static final Set<String> ENCODINGS = Set.of("identity", "gzip", "x-gzip", "deflate");

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getPath().indexOf('\u0000') >= 0) {
            return bad("Địa chỉ chứa ký tự không hợp lệ (NUL).");
        }
        // most requests (every chat) have no query string: no parameter map is decoded for them
        String query = request.getUri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (Map.Entry<String, List<String>> p : request.getParameters()) {
                if (p.getKey().indexOf('\u0000') >= 0) {
                    return bad("Tham số chứa ký tự không hợp lệ (NUL).");
                }
                for (String v : p.getValue()) {
                    if (v != null && v.indexOf('\u0000') >= 0) {
                        return bad("Tham số \"" + p.getKey() + "\" chứa ký tự không hợp lệ (NUL).");
                    }
                }
            }
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !knownCharset(contentType)) {
            return bad("Bảng mã (charset) trong Content-Type không được hỗ trợ; hãy dùng UTF-8.");
        }
        for (String encoding : request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING)) {
            for (String e : encoding.split(",")) {
                if (!e.isBlank() && !ENCODINGS.contains(e.strip().toLowerCase(Locale.ROOT))) {
                    return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError(
                            "Content-Encoding \"" + e.strip() + "\" không được hỗ trợ; hãy gửi gzip hoặc không nén."));
                }
            }
        }
        return null;
    }

    private static boolean knownCharset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "");
                try {
                    return Charset.isSupported(name);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static HttpResponse<?> bad(String message) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ApiError(message));
    }
}

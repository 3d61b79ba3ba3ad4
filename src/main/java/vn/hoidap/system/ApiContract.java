package vn.hoidap.system;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The API contract, generated at build time by micronaut-openapi from the controllers
 * ({@code openapi.properties}): {@code GET /openapi.yml} is the document, {@code GET /api/docs} the
 * browsable Swagger UI generated next to it. Errors everywhere are {@code {"error": "…"}} in Vietnamese.
 */
@OpenAPIDefinition(info = @Info(title = "Hỏi đáp Chuyển đổi số", version = "0.1.0",
        description = "Trả lời câu hỏi của người dân và cán bộ về kế hoạch chuyển đổi số của tỉnh. Mọi lỗi có dạng "
                + "{\"error\": \"…\"} bằng tiếng Việt: 400 yêu cầu sai, 404 không tìm thấy, 413 yêu cầu quá lớn, "
                + "415 kiểu nội dung không hỗ trợ, 429 quá nhiều yêu cầu (kèm Retry-After), 503 tạm thời không phục vụ."))
@Controller
@Hidden
class ApiContract {

    static final String SPEC = "classpath:META-INF/swagger/hoidap.yml";

    private final String spec;

    ApiContract(ResourceResolver resources) {
        Optional<InputStream> in = resources.getResourceAsStream(SPEC);
        if (in.isEmpty()) {
            spec = null;
            return;
        }
        try (InputStream s = in.get()) {
            spec = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<?> openapi() {
        return spec == null ? ApiError.notFound("Chưa có tài liệu API (bản dựng thiếu bước sinh OpenAPI).")
                : HttpResponse.ok(spec).contentType(MediaType.of("application/yaml;charset=utf-8"));
    }

    @Get("/api/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/api/docs/index.html"));
    }
}

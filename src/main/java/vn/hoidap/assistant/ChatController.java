package vn.hoidap.assistant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/chat}. The body arrives as text — bounded before a byte is buffered by
 * {@code micronaut.server.max-request-size} (see {@code system.BodyBudget}) — and is bound to
 * {@link ChatRequest} by Micronaut Serde here rather than by the framework, so that every malformed request
 * (wrong content type, broken JSON, wrong field types) gets its Vietnamese 400, never a 500 or an English one.
 */
@Controller("/api/chat")
class ChatController {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,20}");

    private final Assistant assistant;
    private final MessageValidator validator;
    private final JsonMapper json;

    ChatController(Assistant assistant, MessageValidator validator, JsonMapper json) {
        this.assistant = assistant;
        this.validator = validator;
        this.json = json;
    }


    /** Serde may wrap what a field's deserializer threw. */
    private static boolean notAString(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ChatRequest.NotAString) {
                return true;
            }
        }
        return false;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> chat(@Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType, @Nullable @Body String body) {
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            return ApiError.badRequest("Hãy gửi câu hỏi dưới dạng JSON với Content-Type: application/json.");
        }
        if (body == null || body.isBlank()) {
            return ApiError.badRequest("Thiếu nội dung yêu cầu; hãy gửi {\"message\": \"câu hỏi của bạn\"}.");
        }
        ChatRequest request;
        try {
            request = ChatRequest.read(json, body);
        } catch (IOException | RuntimeException e) {
            if (notAString(e)) {
                return ApiError.badRequest("Các trường message, sessionId, channel phải là chuỗi ký tự (string).");
            }
            request = null;
        }
        if (request == null) {
            return ApiError.badRequest("JSON không hợp lệ; hãy gửi {\"message\": \"câu hỏi của bạn\"}.");
        }
        var problem = validator.problem(request.message());
        if (problem.isPresent()) {
            return ApiError.badRequest(problem.get());
        }
        String message = request.message().strip();
        String sessionId = request.sessionId();
        boolean newSession = sessionId == null || sessionId.isBlank();
        if (newSession) {
            sessionId = UUID.randomUUID().toString();
        } else if (!SESSION_ID.matcher(sessionId).matches()) {
            return ApiError.badRequest("sessionId không hợp lệ (chỉ gồm chữ, số, dấu - _ . : và tối đa 100 ký tự).");
        }
        String channel = request.channel() == null || request.channel().isBlank() ? "web" : request.channel().strip();
        if (!CHANNEL.matcher(channel).matches()) {
            return ApiError.badRequest("channel không hợp lệ (ví dụ: web, telegram).");
        }
        Answer answer = assistant.answer(new Question(message, sessionId, channel, null, newSession));
        return HttpResponse.ok(ChatReply.of(answer));
    }
}

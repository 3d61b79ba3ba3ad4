package vn.hoidap.querylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/feedback} {@code {"logId" | "sessionId", "helpful": true|false, "comment"?}}. The body
 * is parsed here, as in the chat endpoint, so every malformed request gets one Vietnamese 400.
 */
@Controller("/api/feedback")
class FeedbackController {

    private final QueryLogFeedback feedback;
    private final JsonMapper json;

    FeedbackController(QueryLogFeedback feedback, JsonMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> post(@Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType, @Nullable @Body String body) {
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            return ApiError.badRequest("Hãy gửi đánh giá dưới dạng JSON với Content-Type: application/json.");
        }
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return ApiError.badRequest("JSON không hợp lệ; hãy gửi {\"logId\": \"…\", \"helpful\": true}.");
        }
        // Read field by field with strict types: "helpful": "có" must be a 400, not silently false.
        JsonNode helpful = node.get("helpful");
        if (helpful == null || !helpful.isBoolean()) {
            return ApiError.badRequest("Thiếu hoặc sai trường \"helpful\" (true nếu câu trả lời hữu ích, false nếu không).");
        }
        for (String field : new String[] {"logId", "sessionId", "comment"}) {
            JsonNode v = node.get(field);
            if (v != null && !v.isNull() && !v.isString()) {
                return ApiError.badRequest("Trường \"" + field + "\" phải là chuỗi ký tự.");
            }
        }
        FeedbackRequest request = new FeedbackRequest(text(node, "sessionId"), text(node, "logId"),
                helpful.getBooleanValue(), text(node, "comment"));
        if (request.comment() != null
                && request.comment().codePointCount(0, request.comment().length()) > QueryLogFeedback.MAX_COMMENT) {
            return ApiError.badRequest("Góp ý quá dài (tối đa " + QueryLogFeedback.MAX_COMMENT + " ký tự).");
        }
        String logId;
        if (request.logId() != null && !request.logId().isBlank()) {
            if (!isUuid(request.logId())) {
                return ApiError.badRequest("logId không hợp lệ; hãy dùng answerId nhận được từ /api/chat.");
            }
            logId = request.logId().strip();
        } else if (request.sessionId() != null && !request.sessionId().isBlank()) {
            Optional<UUID> latest = feedback.latestAnswerOfSession(request.sessionId().strip());
            if (latest.isEmpty()) {
                return ApiError.notFound("Không tìm thấy câu trả lời nào của phiên (sessionId) này.");
            }
            logId = latest.get().toString();
        } else {
            return ApiError.badRequest("Cần \"logId\" (answerId của câu trả lời) hoặc \"sessionId\".");
        }
        if (feedback.record(logId, request.helpful(), request.comment()) == FeedbackSink.Result.UNKNOWN_ANSWER) {
            return ApiError.notFound("Không tìm thấy câu trả lời có mã " + logId + ".");
        }
        return HttpResponse.ok(new FeedbackReceipt(logId, request.helpful(), "Cảm ơn bạn đã góp ý."));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.getStringValue();
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

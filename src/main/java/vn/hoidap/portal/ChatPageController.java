package vn.hoidap.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import vn.hoidap.querylog.FeedbackSink;

import java.util.Map;
import java.util.UUID;

/**
 * The chat's form endpoints. {@code POST /tro-ly/luot}: one server-rendered turn for chat.js and the widget to
 * insert (the same template as the no-JS page, so both show the same markup). {@code POST /tro-ly/danh-gia}:
 * 👍/👎 and "Báo sai" for an answer, stored through the query log by answerId; a full page without
 * JavaScript, a short confirmation fragment with it.
 */
@Controller("/tro-ly")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChatPageController {

    static final int MAX_COMMENT = 500;

    private final WebChat chat;
    private final FeedbackSink feedback;

    ChatPageController(WebChat chat, FeedbackSink feedback) {
        this.chat = chat;
        this.feedback = feedback;
    }

    @Post(value = "/luot", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> turn(@Nullable String message, @Nullable String sessionId, @Nullable String province,
                         @Nullable String channel) {
        WebChat.Outcome o = chat.ask(message, sessionId, province, "widget".equals(channel) ? "widget" : "web");
        if (o.error() != null) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body(o.error());
        }
        return HttpResponse.ok(new ModelAndView<>("chat-turn", new java.util.HashMap<>(Map.of("turn", o.turn()))))
                .header("X-Session-Id", o.sessionId())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post(value = "/danh-gia", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> rate(@Nullable String answerId, @Nullable String helpful, @Nullable String comment,
                         @Nullable String report, @Nullable @Header("X-Requested-With") String requestedWith) {
        boolean fragment = "fetch".equals(requestedWith);
        String error = null;
        if (answerId == null || !isUuid(answerId.strip())) {
            error = "Không rõ câu trả lời nào được đánh giá; hãy thử lại từ cuộc hội thoại.";
        } else if (!"true".equals(helpful) && !"false".equals(helpful)) {
            error = "Hãy chọn 👍 (hữu ích) hoặc 👎 (chưa hữu ích).";
        } else if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            error = "Góp ý quá dài (tối đa " + MAX_COMMENT + " ký tự).";
        }
        String text;
        HttpStatus status;
        if (error != null) {
            text = error;
            status = HttpStatus.BAD_REQUEST;
        } else {
            String note = comment == null || comment.isBlank() ? null : comment.strip();
            if ("true".equals(report)) {
                note = "Báo sai" + (note == null ? "" : ": " + note);
            }
            FeedbackSink.Result r = feedback.record(answerId.strip(), Boolean.parseBoolean(helpful), note);
            if (r == FeedbackSink.Result.UNKNOWN_ANSWER) {
                text = "Không tìm thấy câu trả lời này (có thể đã quá lâu); cảm ơn bạn đã góp ý.";
                status = HttpStatus.NOT_FOUND;
            } else {
                text = "true".equals(report) ? "Cảm ơn bạn đã báo sai; nhóm biên tập sẽ xem lại câu trả lời này."
                        : "Cảm ơn bạn đã đánh giá.";
                status = HttpStatus.OK;
            }
        }
        if (fragment) {
            return HttpResponse.status(status).contentType(MediaType.TEXT_PLAIN_TYPE).body(text);
        }
        return PageModel.of("message", null).crumbs(Crumb.here("Đánh giá câu trả lời"))
                .put("title", status == HttpStatus.OK ? "Đã ghi nhận" : "Chưa ghi nhận được")
                .put("message", text).status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

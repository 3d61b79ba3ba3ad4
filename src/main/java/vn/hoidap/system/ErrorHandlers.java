package vn.hoidap.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every framework error (unknown route, wrong method, unreadable body, bad parameter, oversized request)
 * becomes {@code {"error": "..."}} in Vietnamese, so clients and people see one shape everywhere.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Requires(classes = ErrorResponseProcessor.class)
final class ErrorHandlers implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String message = switch (status) {
            case NOT_FOUND -> "Không tìm thấy địa chỉ này (not found).";
            case METHOD_NOT_ALLOWED -> "Phương thức HTTP không được hỗ trợ cho địa chỉ này (method not allowed).";
            case UNSUPPORTED_MEDIA_TYPE -> "Kiểu nội dung không được hỗ trợ; hãy gửi JSON (unsupported media type).";
            case REQUEST_ENTITY_TOO_LARGE -> "Yêu cầu quá lớn (request too large).";
            case UNAUTHORIZED -> "Cần đăng nhập để xem nội dung này (unauthorized).";
            case FORBIDDEN -> "Không có quyền truy cập (forbidden).";
            case BAD_REQUEST -> "Yêu cầu không hợp lệ: " + firstMessage(context) + " (bad request).";
            default -> status.getCode() >= 500
                    ? "Đã có lỗi phía máy chủ; xin thử lại sau (server error)."
                    : "Yêu cầu không được chấp nhận (" + status.getCode() + ").";
        };
        return HttpResponse.<ApiError>status(status).body(new ApiError(message));
    }

    private static String firstMessage(ErrorContext context) {
        return context.getErrors().stream().findFirst().map(e -> e.getMessage()).orElse("tham số sai");
    }
}

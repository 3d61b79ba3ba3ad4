package vn.hoidap.console;

/** A state-changing console request without this browser's CSRF token. */
final class CsrfRejected extends RuntimeException {

    CsrfRejected() {
        super("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang và thử lại.", null, false, false);
    }
}

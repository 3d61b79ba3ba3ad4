package vn.hoidap.console;

/** A console request with a bad value; the message (Vietnamese) goes back as {@code {"error": …}} with 400. */
final class InvalidConsoleRequest extends RuntimeException {

    InvalidConsoleRequest(String message) {
        super(message, null, false, false);
    }
}

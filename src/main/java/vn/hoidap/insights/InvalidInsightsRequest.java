package vn.hoidap.insights;

/** A query parameter that makes no sense; the message (Vietnamese) goes back with a 400. */
final class InvalidInsightsRequest extends RuntimeException {
    InvalidInsightsRequest(String message) {
        super(message, null, false, false);
    }
}

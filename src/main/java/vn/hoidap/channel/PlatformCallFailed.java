package vn.hoidap.channel;

/**
 * A call to a messaging platform that did not succeed, with the platform's error code (0 when the answer was
 * not the platform's JSON): what {@link Retry} retries or gives up on.
 */
public final class PlatformCallFailed extends Exception {

    private final int code;

    public PlatformCallFailed(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

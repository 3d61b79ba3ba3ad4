package vn.hoidap.upload;

import io.micronaut.http.HttpStatus;

/** A file or request refused with a Vietnamese message people can act on; nothing of it is stored. */
final class UploadRejected extends RuntimeException {

    private final HttpStatus status;

    UploadRejected(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}

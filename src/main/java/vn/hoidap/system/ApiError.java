package vn.hoidap.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON error body every endpoint returns: a Vietnamese message people can read. */
@Serdeable
public record ApiError(String error) {

    public static MutableHttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(message));
    }

    public static MutableHttpResponse<ApiError> notFound(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(new ApiError(message));
    }
}

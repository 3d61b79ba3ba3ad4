package vn.hoidap.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Exceptions that are the caller's doing or the database's absence, not a bug: each becomes a clear
 * Vietnamese 4xx or a 503 with {@code Retry-After} instead of a 500.
 */
final class FailureHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandlers.class);

    private FailureHandlers() {
    }

    /** A query with more terms than Lucene's clause limit (hundreds of repeated or comma-separated words). */
    @Singleton
    @Produces
    @Requires(classes = IndexSearcher.class)
    static final class TooManyClauses implements ExceptionHandler<IndexSearcher.TooManyClauses, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, IndexSearcher.TooManyClauses exception) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(
                    "Câu hỏi có quá nhiều từ để tìm cùng lúc; hãy rút gọn (bad request)."));
        }
    }

    /** {@code Content-Encoding: gzip} (or deflate) on a body that is not compressed that way. */
    @Singleton
    @Produces
    static final class Decompression implements ExceptionHandler<io.netty.handler.codec.compression.DecompressionException,
            HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, io.netty.handler.codec.compression.DecompressionException e) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(
                    "Nội dung không giải nén được theo Content-Encoding đã khai báo (bad request)."));
        }
    }

    /** A charset name that does not exist or this JVM does not have (should {@link RequestSanityFilter} miss one). */
    @Singleton
    @Produces
    static final class Charsets implements ExceptionHandler<IllegalArgumentException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, IllegalArgumentException e) {
            if (e instanceof java.nio.charset.IllegalCharsetNameException || e instanceof java.nio.charset.UnsupportedCharsetException) {
                return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(
                        "Bảng mã (charset) không được hỗ trợ; hãy dùng UTF-8 (bad request)."));
            }
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ApiError("Đã có lỗi phía máy chủ; xin thử lại sau (server error)."));
        }
    }

    /** The database is away (503, readiness goes DOWN too) or refused a value (400). */
    @Singleton
    @Produces
    static final class Database implements ExceptionHandler<DataAccessException, HttpResponse<ApiError>> {
        private final DatabaseStatus status;

        Database(DatabaseStatus status) {
            this.status = status;
        }

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, DataAccessException exception) {
            return databaseFailure(request, exception, status);
        }
    }

    static HttpResponse<ApiError> databaseFailure(HttpRequest<?> request, Throwable exception, DatabaseStatus status) {
        String state = sqlState(exception);
        if (state != null && state.startsWith("22")) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(
                    "Tham số chứa giá trị không hợp lệ (bad request)."));
        }
        if (isConnectionFailure(exception, state)) {
            status.check();
            LOG.warn("{} {}: database unavailable: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "30")
                    .body(new ApiError("Cơ sở dữ liệu tạm thời không truy cập được; xin thử lại sau ít phút (service unavailable)."));
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("Đã có lỗi phía máy chủ; xin thử lại sau (server error)."));
    }

    static boolean isConnectionFailure(Throwable e, String state) {
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof AssertionError) {
                return true;
            }
        }
        return false;
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}

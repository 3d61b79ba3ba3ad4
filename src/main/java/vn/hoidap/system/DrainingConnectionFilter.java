package vn.hoidap.system;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * While the service drains ({@link ShutdownDrain}), every response says {@code Connection: close}: Netty
 * closes the connection once the response is written, and the client opens a new one for its next request
 * (to another replica, as readiness is DOWN) instead of sending it on a connection about to be closed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class DrainingConnectionFilter {

    private final ShutdownDrain drain;

    DrainingConnectionFilter(ShutdownDrain drain) {
        this.drain = drain;
    }

    @ResponseFilter
    void closeWhileDraining(MutableHttpResponse<?> response) {
        if (drain.draining()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}

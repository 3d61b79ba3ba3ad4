package vn.hoidap.system;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The first phase of a shutdown, before Micronaut stops the server: from {@link #begin()} on, readiness is
 * DOWN ({@link ShutdownHealthIndicator}) and every response carries {@code Connection: close}
 * ({@link DrainingConnectionFilter}), while the listener still accepts and every request is still answered.
 *
 * <p>Why a phase of its own: Micronaut's shutdown (4.10) closes the listener and every idle keep-alive
 * connection the moment it starts. A client that has just sent its next request on such a connection sees
 * it closed without an answer (issue 16's 6 of 16). Answering "close" first moves every active client off
 * its connection at a response boundary, where the client knows the connection is done; what is still idle
 * when the server stops is a connection nobody used for the whole drain period.
 */
@Singleton
public class ShutdownDrain {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private volatile Instant since;

    /** Starts draining; a second call changes nothing. */
    public synchronized void begin() {
        if (since == null) {
            since = Instant.now();
            LOG.info("Shutdown: draining (readiness DOWN, every response closes its connection)");
        }
    }

    public boolean draining() {
        return since != null;
    }

    /** When draining began, or null. */
    Instant since() {
        return since;
    }
}

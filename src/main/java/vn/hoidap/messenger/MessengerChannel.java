package vn.hoidap.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.ChatWorkers;

import java.time.Instant;

/**
 * The Messenger channel as a whole, started with the service: refuses to start without the app secret (no
 * signature could be checked) or the verify token (the handshake could not be answered), and runs events on
 * its own workers, one person's in order, stopped on shutdown.
 */
@Context
@Requires(property = MessengerConfig.PAGE_TOKEN, pattern = MessengerConfig.SET)
class MessengerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerChannel.class);
    private static final int QUEUE_PER_WORKER = 1000;

    private final MessengerEvents events;
    private final ChatWorkers workers;

    MessengerChannel(MessengerConfig config, MessengerEvents events) {
        if (!MessengerConfig.set(config.appSecret()) || !MessengerConfig.set(config.verifyToken())) {
            throw new ConfigurationException("Messenger: MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN are needed "
                    + "with MESSENGER_PAGE_TOKEN (see README, Facebook Messenger)");
        }
        this.events = events;
        this.workers = new ChatWorkers("messenger", config.workers(), QUEUE_PER_WORKER);
        LOG.info("Messenger: GET/POST /messenger/webhook is ready; replies through {}", config.apiUrl());
    }

    void accept(String psid, JsonNode event, String eventId, Instant at) {
        workers.submit(psid, () -> events.handle(event, eventId, at));
    }

    @PreDestroy
    void close() {
        workers.close();
    }
}

package vn.hoidap.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.ChatWorkers;

/**
 * The Zalo channel as a whole, started with the service: refuses to start half-configured (a webhook that
 * cannot verify signatures would have to trust anyone), and runs events on its own workers, one person's in
 * order, stopped on shutdown.
 */
@Context
@Requires(condition = ZaloEnabled.class)
class ZaloChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloChannel.class);
    private static final int QUEUE_PER_WORKER = 1000;

    private final ZaloEvents events;
    private final ChatWorkers workers;

    ZaloChannel(ZaloConfig config, ZaloEvents events) {
        if (!ZaloConfig.set(config.appId()) || !ZaloConfig.set(config.signingSecret())) {
            throw new ConfigurationException("Zalo OA: ZALO_APP_ID and ZALO_OA_SECRET_KEY are needed to verify "
                    + "X-ZEvent-Signature (see README, Zalo OA)");
        }
        if (ZaloConfig.set(config.refreshToken()) && !ZaloConfig.set(config.appSecret())) {
            throw new ConfigurationException("Zalo OA: ZALO_APP_SECRET is needed to refresh the access token");
        }
        this.events = events;
        this.workers = new ChatWorkers("zalo", config.workers(), QUEUE_PER_WORKER);
        LOG.info("Zalo OA: POST /zalo/webhook is ready; replies through {}", config.apiUrl());
    }

    void accept(JsonNode event, String eventId) {
        String user = ZaloEvents.userOf(event);
        workers.submit(user == null ? eventId : user, () -> events.handle(event, eventId));
    }

    @PreDestroy
    void close() {
        workers.close();
    }
}

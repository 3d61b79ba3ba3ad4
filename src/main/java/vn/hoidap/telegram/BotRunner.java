package vn.hoidap.telegram;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import vn.hoidap.channel.AdvisoryLeader;
import vn.hoidap.channel.Workers;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts the bot with the service. Polling: Telegram allows one getUpdates consumer per bot, so with several
 * instances only the one elected through a PostgreSQL advisory lock ({@link AdvisoryLeader}) polls; the others
 * stand by and take over when it goes. The leader registers with the library's long-polling application on a
 * scheduler this class owns; if Telegram is unreachable it keeps trying in the background instead of failing
 * the whole service. Webhook (every instance answers, none polls): checks the secret and, when
 * {@code TELEGRAM_WEBHOOK_URL} is set, tells Telegram where to post. Everything it started is stopped on
 * shutdown.
 */
@Context
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class BotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);
    static final List<String> UPDATES = List.of("message", "callback_query");
    /** What Telegram accepts as secret_token. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final TelegramConfig config;
    private final TelegramApi api;
    private final UpdateDispatcher dispatcher;
    private final ScheduledExecutorService scheduler;
    private final Optional<DataSource> dataSource;
    private TelegramBotsLongPollingApplication polling;
    private AdvisoryLeader election;
    private volatile boolean stopped;
    private volatile boolean polls;

    BotRunner(TelegramConfig config, TelegramApi api, UpdateDispatcher dispatcher, Optional<DataSource> dataSource) {
        this.config = config;
        this.api = api;
        this.dispatcher = dispatcher;
        this.dataSource = dataSource.map(DelegatingDataSource::unwrapDataSource);
        if (config.updateMode() == TelegramConfig.Mode.WEBHOOK
                && (config.webhookSecret() == null || !SECRET.matcher(config.webhookSecret()).matches())) {
            throw new ConfigurationException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET: 1-256 characters "
                    + "A-Z a-z 0-9 _ - (Telegram sends it back in X-Telegram-Bot-Api-Secret-Token)");
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Workers.daemonThreads("telegram-poller"));
    }

    @PostConstruct
    void start() {
        if (config.updateMode() == TelegramConfig.Mode.POLLING) {
            polling = new TelegramBotsLongPollingApplication(api::json, api::http, () -> scheduler, ExponentialBackOff::new);
            if (dataSource.isPresent()) {
                election = new AdvisoryLeader("telegram-polling", dataSource.get(),
                        AdvisoryLeader.keyOf("hoidap telegram polling " + config.token()),
                        () -> scheduler.execute(this::startPolling), () -> {
                            if (!stopped) {
                                scheduler.execute(this::stopPolling);
                            }
                        });
                election.start(Duration.ofMillis(config.electionIntervalMillis()));
                LOG.info("Telegram: long polling on the instance elected through PostgreSQL");
            } else {
                LOG.warn("Telegram: no database to elect a poller; this instance polls (run only one)");
                scheduler.execute(this::startPolling);
            }
        } else if (config.webhookUrl() != null && !config.webhookUrl().isBlank()) {
            scheduler.execute(this::setWebhook);
        } else {
            LOG.info("Telegram: webhook mode; POST /telegram/webhook is ready (set the webhook with Telegram yourself "
                    + "or give TELEGRAM_WEBHOOK_URL)");
        }
    }

    /** Whether this instance is the one polling Telegram now. */
    boolean polling() {
        return polls;
    }

    private void startPolling() {
        polls = true;
        register(new ExponentialBackOff());
    }

    private void stopPolling() {
        polls = false;
        try {
            polling.unregisterBot(config.token());
            LOG.info("Telegram: long polling stopped on this instance (another one leads)");
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Telegram: unregister: {}", e.getMessage());
        }
    }

    private void register(ExponentialBackOff backOff) {
        if (stopped || !polls) {
            return;
        }
        try {
            polling.registerBot(config.token(), api::url, new DefaultGetUpdatesGenerator(UPDATES), dispatcher);
            LOG.info("Telegram: long polling {}://{}:{}", api.url().getSchema(), api.url().getHost(), api.url().getPort());
        } catch (TelegramApiException | RuntimeException e) {
            try {
                polling.unregisterBot(config.token());
            } catch (TelegramApiException ignored) {
                // it was not registered
            }
            long delay = backOff.nextBackOffMillis();
            LOG.warn("Telegram: cannot start long polling ({}); retrying in {} ms", e.getMessage(), delay);
            if (!stopped) {
                scheduler.schedule(() -> register(backOff), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void setWebhook() {
        SetWebhook set = SetWebhook.builder().url(config.webhookUrl().strip()).secretToken(config.webhookSecret())
                .allowedUpdates(UPDATES).build();
        try {
            api.setWebhook(set);
            LOG.info("Telegram: webhook set to {}", config.webhookUrl());
        } catch (TelegramApiException e) {
            LOG.error("Telegram: setWebhook failed ({}); set it by hand or restart", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (election != null) {
            election.close();
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.debug("Telegram: closing long polling: {}", e.getMessage());
            }
        }
        // The poll in flight blocks in a socket read for up to 50 s: cancel it so the scheduler can end now.
        api.http().dispatcher().cancelAll();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 0.5 s doubling to 30 s, reset by the library after each successful poll. */
    static final class ExponentialBackOff implements BackOff {
        private long next = 500;

        @Override
        public synchronized void reset() {
            next = 500;
        }

        @Override
        public synchronized long nextBackOffMillis() {
            long current = next;
            next = Math.min(MAX_BACKOFF_MILLIS, next * 2);
            return current;
        }
    }
}

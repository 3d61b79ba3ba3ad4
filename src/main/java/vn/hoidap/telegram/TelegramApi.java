package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.Workers;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Calls to the Bot API, retried when Telegram asks for it: 429 waits the {@code retry_after} it names, 5xx
 * and network failures back off exponentially; bounded attempts, so a dead API costs a few seconds per
 * reply, not a stuck worker. Other 4xx (blocked by the user, chat gone) are final. Owns the OkHttp client
 * (also used for long polling) and closes it, with its threads, on shutdown.
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class TelegramApi {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramApi.class);
    private static final long BASE_BACKOFF_MILLIS = 500;

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final TelegramClient client;
    private final TelegramUrl url;
    private final int attempts;
    private final long maxWaitMillis;
    private final ExecutorService httpThreads;
    private static final long ME_RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private volatile User me;
    private volatile long lastMeAttempt = System.nanoTime() - ME_RETRY_NANOS - 1;

    @Inject
    TelegramApi(TelegramConfig config) {
        this(config.token(), ApiUrl.parse(config.apiUrl()), config.sendAttempts(), config.maxRetryWaitSeconds() * 1000L);
    }

    TelegramApi(String token, TelegramUrl url, int attempts, long maxWaitMillis) {
        this.url = url;
        this.attempts = attempts;
        this.maxWaitMillis = maxWaitMillis;
        this.httpThreads = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Workers.daemonThreads("telegram-http"));
        // Long polling holds a request open for up to 50 s (the library's getUpdates timeout): read timeout above it.
        this.http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(httpThreads))
                .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(75))
                .build();
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.client = new OkHttpTelegramClient(json, http, token, url);
    }

    OkHttpClient http() {
        return http;
    }

    ObjectMapper json() {
        return json;
    }

    TelegramUrl url() {
        return url;
    }

    <T extends Serializable> T call(BotApiMethod<T> method) throws TelegramApiException {
        return withRetries(method.getMethod(), () -> client.execute(method));
    }

    boolean setWebhook(SetWebhook method) throws TelegramApiException {
        return withRetries(method.getMethod(), () -> client.execute(method));
    }

    /**
     * The bot's own user (for mentions and replies in groups). Asked once, without retries: a group message
     * must not wait for backoffs; after a failure it is asked again at most once a minute.
     */
    Optional<User> me() {
        User known = me;
        long now = System.nanoTime();
        if (known == null && now - lastMeAttempt > ME_RETRY_NANOS) {
            lastMeAttempt = now;
            try {
                known = client.execute(new GetMe());
                me = known;
            } catch (TelegramApiException e) {
                LOG.warn("Telegram: getMe failed: {}", e.getMessage());
            }
        }
        return Optional.ofNullable(known);
    }

    @PreDestroy
    void close() {
        // Cancel what is in flight (a long poll waits up to 50 s), then let the threads and sockets go.
        http.dispatcher().cancelAll();
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
    }

    private interface Call<T> {
        T run() throws TelegramApiException;
    }

    private <T> T withRetries(String name, Call<T> call) throws TelegramApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TelegramApiException e) {
                Long wait = retryWait(e, attempt);
                if (wait == null || attempt >= attempts || httpThreads.isShutdown()) {
                    throw e;
                }
                LOG.info("Telegram: {} failed ({}); attempt {} of {} in {} ms", name, describe(e), attempt + 1,
                        attempts, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** How long to wait before the next attempt; null when retrying cannot help. */
    Long retryWait(TelegramApiException e, int attempt) {
        long backoff = Math.min(maxWaitMillis, BASE_BACKOFF_MILLIS << Math.min(attempt - 1, 16));
        // The library reports "no API answer" as error code 0 (network failure, or a body that was not the
        // Bot API's JSON, like a proxy's 502 page): worth another try.
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            int code = r.getErrorCode();
            if (code == 429) {
                Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return after == null ? backoff : Math.min(maxWaitMillis, Math.max(0, after) * 1000L);
            }
            return code >= 500 ? backoff : null;
        }
        return backoff;
    }

    private static String describe(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            return r.getErrorCode() + " " + r.getApiResponse();
        }
        return e.getMessage();
    }
}

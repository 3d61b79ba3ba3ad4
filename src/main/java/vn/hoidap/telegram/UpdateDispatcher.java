package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands updates to worker threads, off the polling thread and off the webhook request. Each chat always goes
 * to the same single-threaded worker, so one person's messages are answered in order while other chats
 * proceed in parallel. Queues are bounded: under a flood, updates beyond them are dropped with a warning
 * rather than exhausting memory.
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class UpdateDispatcher implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final int QUEUE_PER_WORKER = 1000;

    private final UpdateHandler handler;
    private final ExecutorService[] workers;

    UpdateDispatcher(UpdateHandler handler, TelegramConfig config) {
        this.handler = handler;
        this.workers = new ExecutorService[config.workers()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(QUEUE_PER_WORKER), Workers.daemonThreads("telegram-worker-" + i));
        }
    }

    @Override
    public void consume(List<Update> updates) {
        updates.forEach(this::dispatch);
    }

    void dispatch(Update update) {
        if (update == null) {
            return;
        }
        ExecutorService worker = workers[Math.floorMod(Long.hashCode(chatKey(update)), workers.length)];
        try {
            worker.execute(() -> handler.handle(update));
        } catch (RejectedExecutionException e) {
            LOG.warn("Telegram: update {} dropped (workers busy or stopping)", update.getUpdateId());
        }
    }

    private static long chatKey(Update u) {
        if (u.hasMessage() && u.getMessage().getChatId() != null) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery()) {
            if (u.getCallbackQuery().getMessage() != null && u.getCallbackQuery().getMessage().getChatId() != null) {
                return u.getCallbackQuery().getMessage().getChatId();
            }
            if (u.getCallbackQuery().getFrom() != null) {
                return u.getCallbackQuery().getFrom().getId();
            }
        }
        return u.getUpdateId() == null ? 0 : u.getUpdateId();
    }

    @PreDestroy
    void close() {
        for (ExecutorService w : workers) {
            w.shutdown();
        }
        for (ExecutorService w : workers) {
            try {
                if (!w.awaitTermination(5, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

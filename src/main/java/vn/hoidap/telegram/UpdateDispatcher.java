package vn.hoidap.telegram;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import vn.hoidap.channel.ChatWorkers;

import java.util.List;

/**
 * Hands updates to worker threads, off the polling thread and off the webhook request: one chat's updates
 * in order, other chats in parallel, bounded queues (see {@link ChatWorkers}).
 */
@Singleton
@Requires(property = TelegramConfig.TOKEN, pattern = TelegramConfig.SET)
class UpdateDispatcher implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final int QUEUE_PER_WORKER = 1000;

    private final UpdateHandler handler;
    private final ChatWorkers workers;

    UpdateDispatcher(UpdateHandler handler, TelegramConfig config) {
        this.handler = handler;
        this.workers = new ChatWorkers("telegram", config.workers(), QUEUE_PER_WORKER);
    }

    @Override
    public void consume(List<Update> updates) {
        updates.forEach(this::dispatch);
    }

    void dispatch(Update update) {
        if (update == null) {
            return;
        }
        if (!workers.submit(chatKey(update), () -> handler.handle(update))) {
            LOG.warn("Telegram: update {} dropped", update.getUpdateId());
        }
    }

    private static long chatKey(Update u) {
        if (u.hasMessage() && u.getMessage().getChat() != null && u.getMessage().getChatId() != null) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery()) {
            if (u.getCallbackQuery().getMessage() != null && u.getCallbackQuery().getMessage().getChat() != null
                    && u.getCallbackQuery().getMessage().getChatId() != null) {
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
        workers.close();
    }
}

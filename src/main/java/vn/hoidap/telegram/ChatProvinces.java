package vn.hoidap.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The province a chat chose with {@code /tinh}, kept in memory for the most recently active chats (a restart
 * forgets it; people then see it in /tinh and can set it again).
 */
final class ChatProvinces {

    private final Map<Long, String> chosen;

    ChatProvinces(int maxChats) {
        this.chosen = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > maxChats;
            }
        };
    }

    synchronized Optional<String> of(long chatId) {
        return Optional.ofNullable(chosen.get(chatId));
    }

    synchronized void set(long chatId, String province) {
        chosen.put(chatId, province);
    }

    synchronized void clear(long chatId) {
        chosen.remove(chatId);
    }
}

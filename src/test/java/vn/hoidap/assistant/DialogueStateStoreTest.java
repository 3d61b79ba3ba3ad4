package vn.hoidap.assistant;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
class DialogueStateStoreTest {

    @Inject
    JsonMapper json;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;

    private static DialogueState state(String unitId) {
        return new DialogueState("task_who", "LEAD", "chiến dịch truyền thông", "Bình Định", "so-tttt-binh-dinh",
                "binh-dinh-2022", DialogueState.TASK, unitId, 2025, "ai chu tri");
    }

    @Test
    void keepsAStatePerSession() {
        CaffeineDialogueStateStore store = new CaffeineDialogueStateStore(10, Duration.ofMinutes(30), ticker);
        store.put("a", state("1.1"));
        store.put("b", state("1.2"));
        assertEquals("1.1", store.get("a").unitId());
        assertEquals("1.2", store.get("b").unitId());
        assertTrue(store.get("unknown").isEmpty());
    }

    @Test
    void forgetsAnIdleSession() {
        CaffeineDialogueStateStore store = new CaffeineDialogueStateStore(10, Duration.ofMinutes(30), ticker);
        store.put("a", state("1.1"));
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertTrue(store.get("a").isEmpty());
    }

    @Test
    void staysBoundedWhateverIdsClientsSend() {
        CaffeineDialogueStateStore store = new CaffeineDialogueStateStore(100, Duration.ofMinutes(30), ticker);
        for (int i = 0; i < 5_000; i++) {
            store.put("s" + i, state(String.valueOf(i)));
        }
        assertTrue(store.size() <= 100, "size " + store.size());
    }

    @Test
    void aStateSurvivesJsonBothWays() {
        DialogueStateCodec codec = new DialogueStateCodec(json);
        DialogueState s = state("PL.II.3");
        String text = codec.write(s);
        assertTrue(text.contains("\"unitId\":\"PL.II.3\""), text);
        assertEquals(s, codec.read(text));
    }

    @Test
    void aDamagedStoredStateStartsTheConversationOver() {
        DialogueStateCodec codec = new DialogueStateCodec(json);
        assertTrue(codec.read("{not json").isEmpty());
        assertTrue(codec.read("").isEmpty());
        assertTrue(codec.read(null).isEmpty());
    }
}

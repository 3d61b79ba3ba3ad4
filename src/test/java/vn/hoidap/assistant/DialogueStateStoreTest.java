package vn.hoidap.assistant;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import vn.hoidap.state.SharedState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
class DialogueStateStoreTest {

    @Inject
    JsonMapper json;

    @Inject
    SharedState shared;

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

    @Test
    void aStoredStateWithUnknownOrMissingFieldsStillReads() {
        DialogueStateCodec codec = new DialogueStateCodec(json);
        DialogueState s = codec.read("{\"intent\":\"task_who\",\"unitId\":\"1.2\",\"addedLater\":{\"x\":[1,2]}}");
        assertEquals("task_who", s.intent());
        assertEquals("1.2", s.unitId());
        assertNull(s.planId());
    }

    private SharedDialogueStateStore sharedStore(MutableClock clock) {
        return new SharedDialogueStateStore(shared, new DialogueStateCodec(json), Duration.ofMinutes(30), 100, clock);
    }

    private long storedVersion(String session) {
        return shared.getIfChanged(SharedDialogueStateStore.NAMESPACE, session, SharedState.NO_VERSION).orElseThrow().version();
    }

    @Test
    void aStateEqualToTheStoredOneIsNotWrittenAgain() {
        SharedDialogueStateStore store = sharedStore(new MutableClock());
        String session = "unchanged-" + UUID.randomUUID();
        store.put(session, state("1.1"));
        long first = storedVersion(session);
        store.put(session, state("1.1"));
        assertEquals(first, storedVersion(session), "an unchanged state is not written");
        store.put(session, state("1.2"));
        assertNotEquals(first, storedVersion(session), "a changed one is");
        assertEquals("1.2", store.get(session).unitId());
    }

    @Test
    void anUnchangedStateIsWrittenAgainBeforeItsRowWouldExpire() {
        MutableClock clock = new MutableClock();
        SharedDialogueStateStore store = sharedStore(clock);
        String session = "refresh-" + UUID.randomUUID();
        store.put(session, state("1.1"));
        long first = storedVersion(session);
        clock.advance(Duration.ofMinutes(20));
        store.put(session, state("1.1"));
        assertNotEquals(first, storedVersion(session), "the idle time starts again with the conversation's activity");
    }

    @Test
    void aHeldStateIsNotSentAgainButAnotherInstancesWriteIsSeen() {
        SharedDialogueStateStore here = sharedStore(new MutableClock());
        SharedDialogueStateStore there = sharedStore(new MutableClock());
        String session = "near-" + UUID.randomUUID();
        here.put(session, state("1.1"));
        long version = storedVersion(session);
        assertTrue(shared.getIfChanged(SharedDialogueStateStore.NAMESPACE, session, version).orElseThrow().unchanged(),
                "the version check sends no value the reader holds");
        assertEquals("1.1", here.get(session).unitId());
        assertEquals("1.1", there.get(session).unitId(), "the other instance reads it from the table");
        there.put(session, state("2.3"));
        assertEquals("2.3", here.get(session).unitId(), "a newer version written elsewhere replaces the held one");
        shared.remove(SharedDialogueStateStore.NAMESPACE, session);
        assertTrue(here.get(session).isEmpty(), "a row gone from the table is gone here too");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

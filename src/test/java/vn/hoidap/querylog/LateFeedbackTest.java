package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateFeedbackTest {

    private final LateFeedback late = new LateFeedback(3);

    private static Feedback verdict(UUID id, boolean helpful) {
        return new Feedback(id, helpful, null, Instant.now());
    }

    @Test
    void aVerdictOnAnUnwrittenAnswerWaitsUntilItsRowIsWritten() {
        UUID id = UUID.randomUUID();
        late.waiting(id);
        Feedback f = verdict(id, true);
        assertTrue(late.holdIfWaiting(f));
        assertTrue(late.ready().isEmpty(), "the row is not in the database yet");
        late.settled(List.of(id));
        assertEquals(List.of(f), late.ready());
        late.done(f);
        assertTrue(late.nothingWaiting());
    }

    @Test
    void aVerdictOnAWrittenOrUnknownAnswerIsNotHeld() {
        assertFalse(late.holdIfWaiting(verdict(UUID.randomUUID(), true)));
        assertEquals(0, late.pendingCount());
    }

    @Test
    void aNewerVerdictReplacesTheHeldOneAndIsNotForgottenWithIt() {
        UUID id = UUID.randomUUID();
        late.waiting(id);
        Feedback older = verdict(id, true);
        late.holdIfWaiting(older);
        late.settled(id);
        List<Feedback> ready = late.ready();
        Feedback newer = verdict(id, false);
        late.holdUnverified(newer); // arrives while the older one is being stored
        late.done(ready.get(0));
        assertEquals(List.of(newer), late.ready(), "the newer verdict is still to be stored");
    }

    @Test
    void aVerdictFromTheSpillFileDoesNotOverrideOneGivenInThisRun() {
        UUID id = UUID.randomUUID();
        Feedback now = verdict(id, false);
        late.holdUnverified(now);
        late.fromSpill(verdict(id, true));
        assertEquals(List.of(now), late.ready());
    }

    @Test
    void beyondTheBoundTheOldestVerdictIsDropped() {
        UUID first = UUID.randomUUID();
        late.holdUnverified(verdict(first, true));
        for (int i = 0; i < 3; i++) {
            late.holdUnverified(verdict(UUID.randomUUID(), true));
        }
        assertEquals(3, late.pendingCount());
        assertTrue(late.ready().stream().noneMatch(f -> f.answerId().equals(first)));
    }

    @Test
    void drainHandsOverEveryHeldVerdictAtShutdown() {
        UUID id = UUID.randomUUID();
        late.waiting(id);
        late.holdIfWaiting(verdict(id, true));
        assertEquals(1, late.drain().size());
        assertEquals(0, late.pendingCount());
    }
}

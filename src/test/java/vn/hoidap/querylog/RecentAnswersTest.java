package vn.hoidap.querylog;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentAnswersTest {

    @Test
    void theNewestAnswerOfASessionWins() {
        RecentAnswers recent = new RecentAnswers(10);
        UUID first = UUID.randomUUID(), second = UUID.randomUUID();
        recent.answered("s1", first);
        recent.answered("s1", second);
        assertEquals(Optional.of(second), recent.latestOf("s1"));
        assertTrue(recent.latestOf("s2").isEmpty());
    }

    @Test
    void boundedTheLeastRecentlyUsedSessionGoesFirst() {
        RecentAnswers recent = new RecentAnswers(2);
        recent.answered("a", UUID.randomUUID());
        recent.answered("b", UUID.randomUUID());
        recent.latestOf("a"); // a is used again: b is now the eldest
        recent.answered("c", UUID.randomUUID());
        assertTrue(recent.latestOf("a").isPresent());
        assertTrue(recent.latestOf("b").isEmpty());
        assertTrue(recent.latestOf("c").isPresent());
    }

    @Test
    void answersWithoutASessionAreNotRemembered() {
        RecentAnswers recent = new RecentAnswers(2);
        recent.answered(null, UUID.randomUUID());
        assertTrue(recent.latestOf("a").isEmpty());
    }
}

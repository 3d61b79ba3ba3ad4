package vn.hoidap.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void waitsDoubleAfterTheFreeAttemptsUpToTheLimit() {
        HandClock clock = new HandClock();
        LoginThrottle t = new LoginThrottle(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), t.waitFor("an", "10.0.0.1"));
            t.failed("an", "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), t.waitFor("an", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), t.waitFor("an", "10.0.0.1"));
        t.failed("An ", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), t.waitFor("an", "10.0.0.1"), "user names fold case");
        assertEquals(Duration.ofMinutes(1), t.backoff(40), "never more than the limit");
    }

    @Test
    void triesInsideTheWaitMakeItLongerAndOtherAddressesAreNotLockedOut() {
        HandClock clock = new HandClock();
        LoginThrottle t = new LoginThrottle(1, Duration.ofHours(1), clock);
        t.failed("an", "10.0.0.1");
        t.refused("an", "10.0.0.1", Duration.ofSeconds(1));
        t.refused("an", "10.0.0.1", Duration.ofSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(4)), t.waitFor("an", "10.0.0.1"));
        assertEquals(Optional.empty(), t.waitFor("an", "10.0.0.2"));
        t.succeeded("an", "10.0.0.1");
        assertTrue(t.waitFor("an", "10.0.0.1").isEmpty());
    }
}

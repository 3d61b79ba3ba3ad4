package vn.hoidap.assistant;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SessionStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
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
            return Instant.ofEpochMilli(now.get());
        }
    };

    private static Session about(String province) {
        return new Session("targets", "dich vu cong", province, null, null, null, 2025);
    }

    @Test
    void remembersASessionWithinItsTimeToLive() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(30), clock);
        store.put("a", about("Thanh Hóa"));
        now.addAndGet(Duration.ofMinutes(29).toMillis());
        assertEquals("Thanh Hóa", store.get("a").province());
    }

    @Test
    void forgetsASessionAfterItsTimeToLive() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(30), clock);
        store.put("a", about("Thanh Hóa"));
        now.addAndGet(Duration.ofMinutes(31).toMillis());
        assertSame(Session.EMPTY, store.get("a"));
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfSessions() {
        SessionStore store = new SessionStore(3, Duration.ofMinutes(30), clock);
        for (int i = 0; i < 100; i++) {
            store.put("s" + i, about("Bình Định"));
        }
        assertEquals(3, store.size());
        assertSame(Session.EMPTY, store.get("s0"));
        assertEquals("Bình Định", store.get("s99").province());
    }
}

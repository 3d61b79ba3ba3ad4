package vn.hoidap.zalo;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hoidap.channel.PlatformHttp;
import vn.hoidap.system.TestDatabaseSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token pair on the test PostgreSQL against the fake OAuth server, which accepts each refresh token once.
 * Two {@link ZaloTokens} on one database stand for two instances of the service.
 */
class ZaloTokensTest {

    private static final String APP_ID = "4004004004";
    private static final String SECRET = "app-secret";

    private final FakeZaloApi zalo = new FakeZaloApi(APP_ID, SECRET, "access-0", "refresh-0");
    private final PlatformHttp http = new PlatformHttp("zalo-test", Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final DataSource db = TestDatabaseSession.server().getPostgresDatabase();
    private String oaKey;

    @BeforeEach
    void migrated() {
        oaKey = "test-" + UUID.randomUUID();
        // The service's own migrations, as its start-up runs them (this test may run before any context did).
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void close() {
        http.close();
        zalo.close();
    }

    private ZaloTokens instance(String access, String refresh, Clock clock) {
        ZaloOAuth oauth = new ZaloOAuth(http, zalo.url(), APP_ID, SECRET);
        return new ZaloTokens(db, oauth, oaKey, access, refresh, Duration.ofMinutes(60), Duration.ofHours(25), clock);
    }

    @Test
    void twoInstancesRefreshingAtOnceSpendTheRefreshTokenOnce() throws Exception {
        zalo.refreshDelay(300);
        ZaloTokens a = instance("access-0", "refresh-0", Clock.systemUTC());
        ZaloTokens b = instance("access-0", "refresh-0", Clock.systemUTC());
        zalo.revokeAccessToken();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<String>> fa = threads.submit(() -> {
                go.await();
                return a.afterRejection("access-0");
            });
            Future<Optional<String>> fb = threads.submit(() -> {
                go.await();
                return b.afterRejection("access-0");
            });
            go.countDown();
            String ta = fa.get(30, TimeUnit.SECONDS).orElseThrow();
            String tb = fb.get(30, TimeUnit.SECONDS).orElseThrow();
            assertEquals(1, zalo.calls(FakeZaloApi.TOKEN).size(), "one call to Zalo for both");
            assertEquals(zalo.accessToken(), ta);
            assertEquals(ta, tb, "the waiting instance takes the renewed token");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(zalo.refreshToken(), "1"), stored(), "the new pair stored, refreshed once");
    }

    @Test
    void refreshesBeforeExpiryAndKeepsTheNewPairAcrossRestarts() throws Exception {
        ZaloTokens first = instance("access-0", "refresh-0", Clock.systemUTC());
        assertEquals(Optional.of("access-0"), first.accessToken(), "a configured token of unknown age is used");
        first.afterRejection("access-0");
        String renewed = zalo.accessToken();
        assertEquals(Optional.of(renewed), first.accessToken());

        // 24.5 hours later (25 h lifetime, 1 h margin): due.
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(24 * 60 + 30)), ZoneOffset.UTC);
        ZaloTokens restarted = instance("access-0", "refresh-0", later);
        Optional<String> used = restarted.accessToken();
        assertEquals(Optional.of(zalo.accessToken()), used);
        assertNotEquals(renewed, zalo.accessToken(), "renewed again before it expired");
        assertEquals(2, zalo.calls(FakeZaloApi.TOKEN).size());
        assertEquals("2", stored().get(1), "the stored pair, not the spent configured one, was used");
    }

    @Test
    void aRefusedRefreshTokenKeepsTheCurrentTokenAndIsNotHammered() throws Exception {
        ZaloTokens tokens = instance("access-0", "refresh-spent", Clock.systemUTC());
        assertEquals(Optional.empty(), tokens.afterRejection("access-0"), "nothing better than what we have");
        assertEquals(Optional.empty(), tokens.afterRejection("access-0"));
        assertEquals(1, zalo.calls(FakeZaloApi.TOKEN).size(), "not asked again right away");
        assertEquals(Optional.of("access-0"), tokens.accessToken());
    }

    @Test
    void aNewlyConfiguredPairReplacesTheStoredOne() throws Exception {
        ZaloTokens old = instance("access-0", "refresh-0", Clock.systemUTC());
        old.afterRejection("access-0");
        assertEquals("1", stored().get(1));
        // The operator re-authorised the OA and configured the new pair Zalo gave them.
        zalo.revokeAccessToken();
        String access = "reauthorised-access";
        ZaloTokens fresh = instance(access, zalo.refreshToken(), Clock.systemUTC());
        assertEquals(Optional.of(access), fresh.accessToken());
        assertTrue(stored().get(0).equals(zalo.refreshToken()));
    }

    private List<String> stored() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT refresh_token, refresh_count FROM zalo_token WHERE oa_key = ?")) {
            ps.setString(1, oaKey);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return List.of(rs.getString(1), Integer.toString(rs.getInt(2)));
            }
        }
    }
}

package vn.hoidap.zalo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.channel.Signatures;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The OA access token, refreshed before it expires. Zalo's refresh token is single-use, so two instances must
 * never spend it both: the pair lives in {@code zalo_token}, and a refresh happens inside a transaction that
 * holds the row's lock ({@code SELECT … FOR UPDATE}) from reading the refresh token until the new pair is
 * stored. An instance that waited on the lock finds the pair already renewed and takes it instead of calling
 * Zalo. The configured pair seeds the row; a different configured pair (the app was re-authorised) replaces it.
 * Without the database the configured pair is used from memory (and cannot be refreshed safely, so it is not).
 */
@Singleton
@Requires(condition = ZaloEnabled.class)
class ZaloTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloTokens.class);
    /** After Zalo refused a refresh token, wait this long before trying it again (an operator must act). */
    private static final Duration AFTER_REFUSAL = Duration.ofMinutes(10);

    record Pair(String accessToken, String refreshToken, Instant accessExpiresAt) {
        boolean expiresWithin(Duration margin, Instant now) {
            return accessToken == null || accessExpiresAt != null && accessExpiresAt.minus(margin).isBefore(now);
        }
    }

    private final DataSource dataSource;
    private final ZaloOAuth oauth;
    private final String oaKey;
    private final Duration margin;
    private final Duration defaultLifetime;
    private final Clock clock;
    private final Pair configured;
    private volatile Pair current;
    private volatile Instant refusedAt;
    private volatile boolean seeded;
    private volatile Instant lastSeedAttempt;

    @Inject
    ZaloTokens(ZaloConfig config, DataSource dataSource, ZaloPlatform platform) {
        this(DelegatingDataSource.unwrapDataSource(dataSource), platform.oauth(),
                config.appId() == null || config.appId().isBlank() ? "default" : config.appId().strip(),
                config.accessToken(), config.refreshToken(), Duration.ofMinutes(config.refreshMarginMinutes()),
                Duration.ofHours(config.accessTokenHours()), Clock.systemUTC());
    }

    ZaloTokens(DataSource dataSource, ZaloOAuth oauth, String oaKey, String accessToken, String refreshToken,
               Duration margin, Duration defaultLifetime, Clock clock) {
        this.dataSource = dataSource;
        this.oauth = oauth;
        this.oaKey = oaKey;
        this.margin = margin;
        this.defaultLifetime = defaultLifetime;
        this.clock = clock;
        // Only an access token: its age is unknown, so it is used until Zalo rejects it (-216 / -220).
        this.configured = new Pair(blankToNull(accessToken), blankToNull(refreshToken), null);
        this.current = configured;
    }

    /** The access token to send with; refreshed first when it is missing or about to expire. */
    Optional<String> accessToken() {
        ensureSeeded();
        Pair p = current;
        if (p.expiresWithin(margin, clock.instant()) && p.refreshToken() != null) {
            p = refresh(p.accessToken(), false);
        }
        return Optional.ofNullable(p.accessToken());
    }

    /** Zalo rejected {@code rejected} (-216 invalid / -220 expired): a fresh one, unless another refresh made it already. */
    Optional<String> afterRejection(String rejected) {
        ensureSeeded();
        Pair p = refresh(rejected, true);
        return Objects.equals(p.accessToken(), rejected) ? Optional.empty() : Optional.ofNullable(p.accessToken());
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "${hoidap.zalo.refresh-check:5m}")
    void refreshWhenDue() {
        accessToken();
    }

    /**
     * Refreshes under the row lock when the stored token is {@code seen} (the one the caller has) and it is due
     * (or {@code force}); otherwise returns what is stored, which another instance may have renewed meanwhile.
     */
    Pair refresh(String seen, boolean force) {
        Instant now = clock.instant();
        if (refusedAt != null && refusedAt.plus(AFTER_REFUSAL).isAfter(now)) {
            return current;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Pair stored = lockRow(c);
                if (stored == null) {
                    c.rollback();
                    return current;
                }
                boolean renewedElsewhere = !Objects.equals(stored.accessToken(), seen) && stored.accessToken() != null;
                boolean due = force ? !renewedElsewhere : stored.expiresWithin(margin, now);
                if (!due || stored.refreshToken() == null) {
                    c.commit();
                    current = stored;
                    if (due) {
                        LOG.warn("Zalo: the access token needs renewing but no refresh token is stored; "
                                + "set ZALO_OA_REFRESH_TOKEN (see README, Zalo OA)");
                    }
                    return stored;
                }
                ZaloOAuth.Grant grant;
                try {
                    grant = oauth.refresh(stored.refreshToken(), defaultLifetime);
                } catch (ZaloOAuth.Refused e) {
                    c.rollback();
                    refusedAt = now;
                    LOG.error("Zalo: the refresh token was refused ({}); the OA must be authorised again and the new "
                            + "tokens configured (README, Zalo OA)", e.getMessage());
                    return current;
                }
                Pair renewed = new Pair(grant.accessToken(), grant.refreshToken(), now.plus(grant.expiresIn()));
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE zalo_token SET access_token = ?, refresh_token = ?, access_expires_at = ?,
                               refreshed_at = now(), refresh_count = refresh_count + 1, updated_at = now()
                         WHERE oa_key = ?""")) {
                    ps.setString(1, renewed.accessToken());
                    ps.setString(2, renewed.refreshToken());
                    ps.setTimestamp(3, Timestamp.from(renewed.accessExpiresAt()));
                    ps.setString(4, oaKey);
                    ps.executeUpdate();
                }
                c.commit();
                refusedAt = null;
                current = renewed;
                LOG.info("Zalo: access token renewed; valid until {}", renewed.accessExpiresAt());
                return renewed;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Zalo: token refresh not possible now ({}); keeping the current token", e.getMessage());
            return current;
        } catch (IOException e) {
            // The request may or may not have reached Zalo; if it did, the stored refresh token is spent and the
            // next attempt says so. Nothing better can be done without Zalo's answer.
            LOG.warn("Zalo: token refresh failed on the network ({}); will retry", e.getMessage());
            return current;
        }
    }

    private Pair lockRow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT access_token, refresh_token, access_expires_at FROM zalo_token WHERE oa_key = ? FOR UPDATE")) {
            ps.setString(1, oaKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp expires = rs.getTimestamp(3);
                return new Pair(rs.getString(1), rs.getString(2), expires == null ? null : expires.toInstant());
            }
        }
    }

    /** Stores the configured pair unless the same pair was stored before (it may have been refreshed since). */
    private void ensureSeeded() {
        Instant now = clock.instant();
        // While the database is away, a send must not wait for a connection timeout every time.
        if (seeded || lastSeedAttempt != null && lastSeedAttempt.plus(Duration.ofMinutes(1)).isAfter(now)) {
            return;
        }
        lastSeedAttempt = now;
        String seededFrom = HexFormat.of().formatHex(Signatures.sha256(
                Signatures.utf8(String.valueOf(configured.accessToken())), new byte[] {0},
                Signatures.utf8(String.valueOf(configured.refreshToken()))));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO zalo_token (oa_key, access_token, refresh_token, access_expires_at, seeded_from)
                    VALUES (?, ?, ?, NULL, ?)
                    ON CONFLICT (oa_key) DO UPDATE SET access_token = EXCLUDED.access_token,
                        refresh_token = EXCLUDED.refresh_token, access_expires_at = NULL,
                        seeded_from = EXCLUDED.seeded_from, updated_at = now()
                     WHERE zalo_token.seeded_from <> EXCLUDED.seeded_from""")) {
                ps.setString(1, oaKey);
                ps.setString(2, configured.accessToken());
                ps.setString(3, configured.refreshToken());
                ps.setString(4, seededFrom);
                if (ps.executeUpdate() == 1) {
                    LOG.info("Zalo: configured tokens stored for OA app {}", oaKey);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT access_token, refresh_token, access_expires_at FROM zalo_token WHERE oa_key = ?")) {
                ps.setString(1, oaKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Timestamp expires = rs.getTimestamp(3);
                        current = new Pair(rs.getString(1), rs.getString(2), expires == null ? null : expires.toInstant());
                    }
                }
            }
            seeded = true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Zalo: tokens cannot be kept in the database now ({}); using the configured ones", e.getMessage());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the transaction dies with it
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

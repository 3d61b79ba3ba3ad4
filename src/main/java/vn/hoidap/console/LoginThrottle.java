package vn.hoidap.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing: per user name and client address, the first {@code freeAttempts} wrong passwords
 * cost nothing; after that every try must wait 1 s, 2 s, 4 s … (at most {@code maxBackoff}) after the last
 * failure, and a try inside the wait is refused without even checking the password (and makes the
 * wait longer). Keyed by the pair, so
 * an attacker cannot lock a colleague out from another address. Every failure is logged.
 * Bounded and expiring (Caffeine), so a flood of invented user names cannot grow memory.
 */
@Singleton
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant last) {
    }

    private final Cache<String, Failures> failures;
    private final int freeAttempts;
    private final Duration maxBackoff;
    private final Clock clock;

    @jakarta.inject.Inject
    LoginThrottle(ConsoleConfig config) {
        this(config.freeAttempts(), config.maxBackoff(), Clock.systemUTC());
    }

    LoginThrottle(int freeAttempts, Duration maxBackoff, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(maxBackoff.multipliedBy(2).plusMinutes(1)).build();
    }

    /** How long this pair must still wait before a password is checked again; empty when it may try now. */
    Optional<Duration> waitFor(String username, String address) {
        Failures f = failures.getIfPresent(key(username, address));
        if (f == null || f.count() < freeAttempts) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(backoff(f.count())));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void failed(String username, String address) {
        Failures f = failures.asMap().merge(key(username, address), new Failures(1, clock.instant()),
                (old, one) -> new Failures(old.count() + 1, one.last()));
        if (f.count() >= freeAttempts) {
            LOG.warn("Console sign-in failed for user '{}' from {} ({} failures in a row; next try in {} s)",
                    printable(username), address, f.count(), backoff(f.count()).toSeconds());
        } else {
            LOG.warn("Console sign-in failed for user '{}' from {} ({} failures in a row)", printable(username),
                    address, f.count());
        }
    }

    /** A try inside the wait counts as a failure too: hammering only makes the wait longer. */
    void refused(String username, String address, Duration wait) {
        failures.asMap().merge(key(username, address), new Failures(1, clock.instant()),
                (old, one) -> new Failures(old.count() + 1, one.last()));
        LOG.warn("Console sign-in refused for user '{}' from {}: too many failures, {} s left to wait",
                printable(username), address, Math.max(1, wait.toSeconds()));
    }

    void succeeded(String username, String address) {
        failures.invalidate(key(username, address));
    }

    Duration backoff(int count) {
        int over = count - freeAttempts;
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofSeconds(1L << Math.min(over, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\n" + address;
    }

    /** A user name as typed may hold anything; the log gets at most 64 printable characters of it. */
    private static String printable(String username) {
        String s = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}

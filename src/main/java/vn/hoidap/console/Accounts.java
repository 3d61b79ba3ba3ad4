package vn.hoidap.console;

import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Checks a user name and password for the login form and for HTTP Basic, with the back-off of
 * {@link LoginThrottle}. BCrypt is slow on purpose; a script sending Basic on every request would pay it
 * every time, so a pair that verified is remembered for a few minutes as a salted SHA-256 (with the
 * stored hash in it, so a password change or a disabled account takes effect at once).
 */
@Singleton
final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    /** Thrown-away-at-restart key for the remembered pairs. */
    private final byte[] pepper = new byte[32];
    private final Cache<String, Boolean> verified = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(5, TimeUnit.MINUTES).build();
    private final ConsoleUserRepository users;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    Accounts(ConsoleUserRepository users, Passwords passwords, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        new SecureRandom().nextBytes(pepper);
    }

    AuthenticationResponse authenticate(String username, String password, String address) {
        String name = username == null ? "" : username.strip();
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            throttle.refused(name, address, wait.get());
            return AuthenticationResponse.failure("Đã nhập sai quá nhiều lần. Hãy thử lại sau "
                    + Math.max(1, wait.get().toSeconds()) + " giây.");
        }
        Optional<ConsoleUser> user = name.isEmpty() || name.length() > 100 ? Optional.empty()
                : users.findByUsername(name);
        String memo = user.map(u -> memo(u, password)).orElse(null);
        boolean ok = memo != null && verified.getIfPresent(memo) != null
                || passwords.matches(password, user.map(ConsoleUser::passwordHash).orElse(null)) && user.isPresent();
        if (!ok) {
            throttle.failed(name, address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        ConsoleUser u = user.get();
        if (!u.enabled()) {
            LOG.warn("Console sign-in refused for disabled user '{}' from {}", u.username(), address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        verified.put(memo, Boolean.TRUE);
        throttle.succeeded(name, address);
        return AuthenticationResponse.success(u.username(), Roles.granted(u.role()), Map.of("role", u.role()));
    }

    private String memo(ConsoleUser u, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            sha.update(u.passwordHash().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((u.enabled() ? "1" : "0").getBytes(StandardCharsets.UTF_8));
            sha.update((password == null ? "" : password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package vn.hoidap.console;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashing with BCrypt from spring-security-crypto (maintained, salted, deliberately slow).
 * BCrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut.
 */
@Singleton
final class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(11);
    /** A real hash to compare against when the user does not exist, so timing does not reveal user names. */
    private final String decoy = encoder.encode("decoy-" + System.nanoTime());

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return encoder.matches(password, hash == null ? decoy : hash);
    }

    /** Why a new password is not acceptable (Vietnamese), or null when it is. */
    static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự.";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Mật khẩu quá dài (tối đa " + MAX_BYTES + " byte).";
        }
        return null;
    }
}

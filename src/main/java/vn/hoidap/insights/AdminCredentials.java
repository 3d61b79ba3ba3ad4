package vn.hoidap.insights;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The insights user "admin". The password is kept only as a PBKDF2 hash (random salt); when
 * {@code HOIDAP_ADMIN_PASSWORD} is unset a random password is generated and written to the log once,
 * so there is never a default password. PBKDF2 is slow on purpose, so a header that verified once is
 * remembered as an HMAC under a per-process key (not as the password) and later requests are not slowed.
 */
// @Context: created at start-up, so a generated password is in its file (path logged) before anyone needs it.
@Context
public class AdminCredentials {

    static final String USER = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);
    private static final int ITERATIONS = 120_000;
    private static final int MAX_REMEMBERED = 64;

    private final byte[] salt = new byte[16];
    private final byte[] hash;
    private final byte[] rememberKey = new byte[32];
    private final Set<String> remembered = ConcurrentHashMap.newKeySet();

    AdminCredentials(InsightsConfig config) {
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(rememberKey);
        String password = config.adminPassword();
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[15];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // The password goes to a file only the service's user can read, never to the log.
            LOG.warn("HOIDAP_ADMIN_PASSWORD is not set: the insights API (/api/insights, user 'admin') uses a "
                    + "generated password until restart, written to {}",
                    vn.hoidap.system.SecretFile.write("admin-password", password));
        }
        this.hash = pbkdf2(password);
    }

    /** Checks an {@code Authorization} header value ("Basic base64(user:password)"). */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String token = authorization.substring(6).strip();
        String memo = hmac(token);
        if (remembered.contains(memo)) {
            return true;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                USER.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(pbkdf2(decoded.substring(colon + 1)), hash);
        if (userOk && passwordOk) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.add(memo);
            return true;
        }
        return false;
    }

    private byte[] pbkdf2(String password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JRE", e);
        }
    }

    private String hmac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}

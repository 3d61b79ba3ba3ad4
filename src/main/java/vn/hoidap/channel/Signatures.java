package vn.hoidap.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** Webhook signatures: digests over the raw bytes as received, compared in constant time. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    public static byte[] sha256(byte[]... pieces) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : pieces) {
                sha.update(p);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code hex} (any letter case) is {@code expected}. A value that is not hex of the right length
     * is simply wrong; equal-length digests are compared in constant time, so timing tells nothing.
     */
    public static boolean matchesHex(byte[] expected, String hex) {
        if (hex == null) {
            return false;
        }
        String h = hex.strip().toLowerCase(Locale.ROOT);
        if (h.length() != expected.length * 2 || !h.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return false;
        }
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(h));
    }

    /** Constant-time equality of two secrets of any length (their digests are compared). */
    public static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(utf8(expected)), sha256(utf8(given)));
    }
}

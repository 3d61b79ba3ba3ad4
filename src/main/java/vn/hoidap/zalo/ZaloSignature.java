package vn.hoidap.zalo;

import vn.hoidap.channel.Signatures;

/**
 * {@code X-ZEvent-Signature}: {@code mac=} + hex SHA-256 of app id + raw body + the body's {@code timestamp} +
 * secret key (a plain digest, not an HMAC; Zalo's Java SDK {@code MacUtils.buildMac}). Hashed over the bytes as
 * received: re-serialising the parsed JSON changes key order and escaping. Whether Zalo sends the {@code mac=}
 * prefix is not documented, so both forms are accepted.
 */
final class ZaloSignature {

    private final byte[] appId;
    private final byte[] secret;

    ZaloSignature(String appId, String secret) {
        this.appId = Signatures.utf8(appId);
        this.secret = Signatures.utf8(secret);
    }

    byte[] expected(byte[] rawBody, String timestamp) {
        return Signatures.sha256(appId, rawBody, Signatures.utf8(timestamp), secret);
    }

    boolean verify(byte[] rawBody, String timestamp, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "mac=", 0, 4)) {
            value = value.substring(4);
        }
        return Signatures.matchesHex(expected(rawBody, timestamp), value);
    }
}

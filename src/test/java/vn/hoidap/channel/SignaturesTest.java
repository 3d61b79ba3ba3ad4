package vn.hoidap.channel;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturesTest {

    @Test
    void matchesPublishedVectors() {
        // RFC 4231-style check value (HMAC-SHA256, key "key") and FIPS 180-2 "abc".
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", HexFormat.of().formatHex(
                Signatures.hmacSha256(Signatures.utf8("key"), Signatures.utf8("The quick brown fox jumps over the lazy dog"))));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Signatures.sha256(Signatures.utf8("a"), Signatures.utf8("bc"))));
    }

    @Test
    void comparesHexOfAnyCaseAndRefusesAnythingElse() {
        byte[] d = Signatures.sha256(Signatures.utf8("x"));
        String hex = HexFormat.of().formatHex(d);
        assertTrue(Signatures.matchesHex(d, hex));
        assertTrue(Signatures.matchesHex(d, hex.toUpperCase()));
        assertFalse(Signatures.matchesHex(d, hex.substring(1)));
        assertFalse(Signatures.matchesHex(d, hex + "0"));
        assertFalse(Signatures.matchesHex(d, "z" + hex.substring(1)));
        assertFalse(Signatures.matchesHex(d, null));
        assertTrue(Signatures.sameSecret("verify", "verify"));
        assertFalse(Signatures.sameSecret("verify", "verify "));
        assertFalse(Signatures.sameSecret("verify", null));
    }
}

package vn.hoidap.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackPayloadTest {

    @Test
    void roundTripsAndTakesZalosHashPrefix() {
        FeedbackPayload p = new FeedbackPayload(true, "0ba9ea99-45c3-4826-ba74-e976f8c72112");
        assertEquals(p, FeedbackPayload.parse(p.encode()).orElseThrow());
        assertEquals(p, FeedbackPayload.parse("#" + p.encode()).orElseThrow());
        assertEquals(new FeedbackPayload(false, "abc"), FeedbackPayload.parse(" fb:0:abc ").orElseThrow());
    }

    @Test
    void parsesNothingElse() {
        for (String bad : new String[] {null, "", "fb:", "fb:1:", "fb:2:abc", "fb:1abc", "xx:1:abc", "fb:1: ",
                "fb:1:a b", "##fb:1:abc", "Câu hỏi: fb:1:abc", "fb:1:" + "x".repeat(300)}) {
            assertTrue(FeedbackPayload.parse(bad).isEmpty(), "rejects " + bad);
        }
    }

    @Test
    void fitsChecksTheLongerOfTheTwoPayloadsInBytes() {
        assertTrue(FeedbackPayload.fits("x".repeat(59), 64));
        assertFalse(FeedbackPayload.fits("x".repeat(60), 64));
        assertFalse(FeedbackPayload.fits("đ".repeat(30), 64), "counted in UTF-8 bytes");
        assertFalse(FeedbackPayload.fits(" id", 64));
        assertFalse(FeedbackPayload.fits(null, 64));
    }
}

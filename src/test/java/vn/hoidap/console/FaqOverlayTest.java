package vn.hoidap.console;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.FaqEntry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What another replica saved reaches this one's live entries through the poll, and a poll reads only the
 * versions saved since the last read: entries saved long ago are not read again when another entry changes. A version saved with an old time (a replica's clock behind, a save that committed late) is still
 * found, through the count of saved versions.
 */
@MicronautTest
class FaqOverlayTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Inject
    FaqOverlay overlay;
    @Inject
    DataSource dataSource;

    @Test
    void aPollReadsWhatChangedAndFindsLateSavesByTheCount() throws Exception {
        String old = "wm-old-" + RUN;
        String fresh = "wm-new-" + RUN;
        String late = "wm-late-" + RUN;
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        for (int i = 1; i <= 12; i++) {
            insert(old + "-" + i, 1, "Câu hỏi cũ " + i + " số " + RUN + "?", false, longAgo.plusSeconds(i));
        }
        insert(old + "-1", 2, "Câu hỏi cũ 1 số " + RUN + ", sửa lại?", false, longAgo.plusSeconds(60));
        overlay.pollOtherReplicas();
        assertTrue(live(old + "-1").contains("sửa lại"), "the latest version of an old entry is live");

        insert(fresh, 1, "Câu hỏi mới " + RUN + " về chữ ký số?", false, Instant.now());
        overlay.pollOtherReplicas();
        assertTrue(live(fresh).contains("Câu hỏi mới"));
        assertTrue(live(old + "-1").contains("sửa lại"), "entries not read again stay live");
        int recentIds = count("SELECT count(DISTINCT id) FROM faq_version WHERE saved_at >= now() - interval '10 minutes'");
        assertTrue(overlay.lastRead() <= recentIds, "read " + overlay.lastRead() + " versions, changed ids " + recentIds);
        assertTrue(overlay.lastRead() < count("SELECT count(DISTINCT id) FROM faq_version"), "not every entry");

        // saved 'an hour ago' by a replica whose clock is behind: older than the watermark's overlap
        insert(late, 1, "Câu hỏi đến muộn " + RUN + "?", false, Instant.now().minus(Duration.ofHours(1)));
        overlay.pollOtherReplicas();
        assertTrue(live(late).contains("đến muộn"), "found through the count of saved versions");

        insert(fresh, 2, "Câu hỏi mới " + RUN + " về chữ ký số?", true, Instant.now());
        overlay.pollOtherReplicas();
        assertEquals("", live(fresh), "a deleted version hides the entry");
        assertFalse(live(late).isEmpty());
    }

    private String live(String id) {
        return overlay.live().stream().filter(f -> f.id().equals(id)).map(FaqEntry::question).findFirst().orElse("");
    }

    private void insert(String id, int version, String question, boolean deleted, Instant savedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO faq_version (id, version, question, alternates, answer, topic, basis, audience, deleted, actor, saved_at)
                VALUES (?, ?, ?, '[]', ?, 'hoc-ky-nang-so', 'Thử nghiệm', 'citizen', ?, 'replica-khac', ?)""")) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, question);
            ps.setString(4, "Câu trả lời thử nghiệm cho " + question);
            ps.setBoolean(5, deleted);
            ps.setTimestamp(6, Timestamp.from(savedAt));
            ps.executeUpdate();
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package vn.hoidap.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;
import vn.hoidap.channel.FeedbackPayload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyFormatterTest {

    private final ReplyFormatter formatter = new ReplyFormatter("https://hoidap.example.vn/");

    @Test
    void escapesTheThreeCharactersTelegramParses() {
        List<String> parts = formatter.format(answer("a < b && c > d; <script>alert(1)</script>", List.of()));
        assertEquals(List.of("a &lt; b &amp;&amp; c &gt; d; &lt;script&gt;alert(1)&lt;/script&gt;"), parts);
    }

    @Test
    void linksSourcesAbsolutelyWithEscapedTitlesAndUrls() {
        String html = formatter.format(answer("Trả lời", List.of(
                new Source("Kế hoạch <53> & phụ lục", "dong-nai", "II.1", "/ke-hoach/dong-nai?a=1&b=2#muc-ii-1", null),
                new Source("Cổng dịch vụ công", null, null, "https://dichvucong.gov.vn/p/home", null),
                new Source("Lạ", null, null, "javascript:alert(1)", null)))).get(0);
        assertTrue(html.contains("<b>Các nguồn:</b>"), html);
        assertTrue(html.contains("<a href=\"https://hoidap.example.vn/ke-hoach/dong-nai?a=1&amp;b=2#muc-ii-1\">"
                + "Kế hoạch &lt;53&gt; &amp; phụ lục (mục II.1)</a>"), html);
        assertTrue(html.contains("<a href=\"https://dichvucong.gov.vn/p/home\">Cổng dịch vụ công</a>"), html);
        assertFalse(html.contains("javascript"), "no link for other schemes: " + html);
        assertTrue(html.contains("• Lạ"), html);
    }

    @Test
    void makesRelativeUrlsAbsoluteWhateverTheSlashes() {
        assertEquals("https://hoidap.example.vn/ke-hoach/x", formatter.absolute("ke-hoach/x"));
        assertEquals("https://hoidap.example.vn/ke-hoach/x", formatter.absolute("/ke-hoach/x"));
        assertEquals("http://other.vn/a", formatter.absolute("http://other.vn/a"));
        assertNull(formatter.absolute(" "));
        assertNull(formatter.absolute("data:text/html,x"));
    }

    @Test
    void splitsLongAnswersOnParagraphsBelowTheLimitWithoutLosingText() {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 30; p++) {
            text.append("Đoạn ").append(p).append(" <&> ").append("chuyển đổi số ".repeat(30 + p)).append("\n\n");
        }
        List<String> parts = formatter.format(answer(text.toString(), List.of(
                new Source("Kế hoạch", "x", null, "/ke-hoach/x", null))));
        assertTrue(parts.size() > 3, "split: " + parts.size());
        for (String part : parts) {
            assertTrue(part.length() <= 4096, "part of " + part.length());
            assertFalse(part.startsWith(" ") || part.startsWith("\n"), "no part starts with the separator");
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            assertTrue(parts.get(i + 1).startsWith("Đoạn") || parts.get(i + 1).startsWith("<b>"),
                    "cut between paragraphs: " + parts.get(i + 1).substring(0, 20));
        }
        String joined = String.join("", parts).replaceAll("\\s", "");
        String expected = TelegramHtml.escape(text.toString()).replaceAll("\\s", "");
        assertTrue(joined.startsWith(expected), "the text, in order, with nothing lost");
        assertTrue(parts.get(parts.size() - 1).endsWith("<a href=\"https://hoidap.example.vn/ke-hoach/x\">Kế hoạch</a>"));
    }

    @Test
    void cutsAParagraphWithoutBreaksOnWordsAndAWordWithoutSpacesByCharacters() {
        ReplyFormatter small = new ReplyFormatter("http://localhost:8080", 100);
        String words = "từ&ngữ ".repeat(60).strip();
        List<String> parts = small.format(answer(words, List.of()));
        parts.forEach(p -> assertTrue(p.length() <= 100, p));
        parts.forEach(p -> assertFalse(p.matches(".*&(a|am)?$"), "no entity cut in half: " + p));
        assertEquals(TelegramHtml.escape(words).replace(" ", ""), String.join("", parts).replace(" ", ""));

        String run = "đ&".repeat(300);
        List<String> pieces = small.format(answer(run, List.of()));
        pieces.forEach(p -> assertTrue(p.length() <= 100, p));
        assertEquals(TelegramHtml.escape(run), String.join("", pieces));
    }

    @Test
    void showsSuggestionsOnlyWhenTheAssistantFellBack() {
        Answer fallback = new Answer(UUID.randomUUID().toString(), "s", "Xin lỗi.", "unknown", 0.1, true, List.of(),
                List.of("Mục tiêu 2025 là gì?", "Ai chủ trì <X>?"), null, null, null);
        String html = formatter.format(fallback).get(0);
        assertTrue(html.contains("<b>Bạn có thể hỏi, ví dụ:</b>\n• Mục tiêu 2025 là gì?\n• Ai chủ trì &lt;X&gt;?"), html);
    }

    @Test
    void buttonsCarryTheVerdictAndTheAnswerIdWithin64Bytes() {
        String id = UUID.randomUUID().toString();
        InlineKeyboardMarkup markup = ReplyFormatter.feedbackButtons(id).orElseThrow();
        assertEquals("fb:1:" + id, markup.getKeyboard().get(0).get(0).getCallbackData());
        assertEquals("fb:0:" + id, markup.getKeyboard().get(0).get(1).getCallbackData());
        assertTrue(markup.getKeyboard().get(0).get(0).getCallbackData().getBytes(StandardCharsets.UTF_8).length <= 64);
        assertTrue(ReplyFormatter.feedbackButtons("x".repeat(60)).isEmpty(), "too long for callback data");
        assertTrue(ReplyFormatter.feedbackButtons(null).isEmpty());
    }

    @Test
    void parsesOnlyWellFormedFeedbackPayload() {
        assertEquals(new FeedbackPayload(true, "abc"), FeedbackPayload.parse("fb:1:abc").orElseThrow());
        assertEquals(new FeedbackPayload(false, "abc"), FeedbackPayload.parse("fb:0:abc").orElseThrow());
        for (String bad : new String[] {null, "", "fb:", "fb:1:", "fb:2:abc", "fb:1abc", "xx:1:abc", "fb:1: "}) {
            assertTrue(FeedbackPayload.parse(bad).isEmpty(), "rejects " + bad);
        }
    }

    private static Answer answer(String text, List<Source> sources) {
        return new Answer(UUID.randomUUID().toString(), "s", text, "test", 0.9, false, sources, List.of(), null, null, null);
    }
}

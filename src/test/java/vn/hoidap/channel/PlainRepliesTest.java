package vn.hoidap.channel;

import org.junit.jupiter.api.Test;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainRepliesTest {

    private final PlainReplies replies = new PlainReplies(new SourceLinks("https://hoidap.example.vn/"), 2000, 100, 2, 20);

    @Test
    void listsSourcesWithAbsoluteLinksAndDropsForeignSchemes() {
        PlainReplies.Reply r = replies.format(answer("Trả lời <b>&</b>", false, List.of(
                new Source("Kế hoạch 53/KH-UBND", "dong-nai", "II.1", "/ke-hoach/dong-nai#muc-ii-1", null),
                new Source("Lạ", null, null, "javascript:alert(1)", null)), List.of()), null);
        String text = r.parts().get(0);
        assertTrue(text.startsWith("Trả lời <b>&</b>"), "plain text is not escaped: " + text);
        assertTrue(text.contains("Các nguồn:\n• Kế hoạch 53/KH-UBND (mục II.1): https://hoidap.example.vn/ke-hoach/dong-nai#muc-ii-1"), text);
        assertTrue(text.contains("• Lạ") && !text.contains("javascript"), text);
    }

    @Test
    void putsTheNoticeFirstAndListsSuggestionsOnlyWhenTheAssistantFellBack() {
        List<String> suggestions = List.of("Mục tiêu năm 2025 của Đồng Nai là gì?", "Ai phối hợp?", "Câu thứ ba?");
        String answered = replies.format(answer("Có.", false, List.of(), suggestions), "🤖 Trợ lý tự động.").parts().get(0);
        assertTrue(answered.startsWith("🤖 Trợ lý tự động.\n\nCó."), answered);
        assertFalse(answered.contains("Bạn có thể hỏi"), answered);
        String fallback = replies.format(answer("Chưa có.", true, List.of(), suggestions), null).parts().get(0);
        assertTrue(fallback.contains("Bạn có thể hỏi, ví dụ:\n• Mục tiêu năm 2025 của Đồng Nai là gì?\n• Ai phối hợp?"), fallback);
    }

    @Test
    void buttonsAreTheThumbsThenAtMostTheConfiguredSuggestionsWithShortTitles() {
        Answer a = answer("Có.", false, List.of(), List.of("Mục tiêu năm 2025 của Đồng Nai là gì?", "Ai phối hợp?", "Ba?"));
        List<ReplyButton> buttons = replies.format(a, null).buttons();
        assertEquals(4, buttons.size(), buttons.toString());
        assertEquals(new ReplyButton(ReplyButton.Kind.FEEDBACK, "👍", "fb:1:" + a.answerId()), buttons.get(0));
        assertEquals(new ReplyButton(ReplyButton.Kind.FEEDBACK, "👎", "fb:0:" + a.answerId()), buttons.get(1));
        assertEquals("Mục tiêu năm 2025 c…", buttons.get(2).title());
        assertEquals("Mục tiêu năm 2025 của Đồng Nai là gì?", buttons.get(2).payload(), "the whole question comes back");
        assertEquals("Ai phối hợp?", buttons.get(3).payload());

        Answer longId = new Answer("x".repeat(120), "s", "Có.", "t", 1, false, List.of(), List.of(), null, null, null);
        assertTrue(replies.format(longId, null).buttons().isEmpty(), "no thumbs when the id does not fit a payload");
    }

    @Test
    void splitsBelowTheLimitWithoutLosingText() {
        String text = ("Đoạn văn dài về chuyển đổi số. ".repeat(40) + "\n\n").repeat(10);
        List<String> parts = replies.format(answer(text, false, List.of(), List.of()), null).parts();
        assertTrue(parts.size() > 1);
        parts.forEach(p -> assertTrue(p.length() <= 2000, "part of " + p.length()));
        assertEquals(text.replaceAll("\\s", ""), String.join("", parts).replaceAll("\\s", ""));
    }

    private static Answer answer(String text, boolean fallback, List<Source> sources, List<String> suggestions) {
        return new Answer(UUID.randomUUID().toString(), "s", text, "test", 0.9, fallback, sources, suggestions,
                null, null, null);
    }
}

package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Assistant;
import vn.hoidap.assistant.Question;
import vn.hoidap.assistant.Source;
import vn.hoidap.channel.ChatStates;
import vn.hoidap.querylog.FeedbackSink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot end to end in polling mode against a fake Bot API on loopback, with a fixed test assistant (this
 * tests the channel: formatting, buttons, commands, limits) and a recording feedback sink. Each test uses its
 * own chat so rate limits and provinces do not leak between tests.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramBotTest implements TestPropertyProvider {

    private static final String TOKEN = "123456:TEST-token_abc";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicLong CHATS = new AtomicLong(7_000_000);

    private final FakeBotApi api = new FakeBotApi(TOKEN);

    @Inject
    FixedAssistant assistant;
    @Inject
    RecordingFeedback feedback;
    @Inject
    ChatSessionIds sessions;
    @Inject
    ChatStates chats;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "hoidap.test.telegram-beans", "bot",
                "hoidap.telegram.token", TOKEN,
                "hoidap.telegram.api-url", api.url(),
                "hoidap.telegram.session-salt", "test-salt",
                "hoidap.telegram.portal-base-url", "https://hoidap.example.vn/",
                "hoidap.telegram.max-retry-wait-seconds", "2");
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void answersAQuestionWithSourceLinksAndFeedbackButtonsAndRecordsThePressedButton() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), chat, "Sở nào chủ trì tuyên truyền?"));

        FakeBotApi.Call sent = api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        assertTrue(sent.json().get("parse_mode").asText().equalsIgnoreCase("HTML"));
        assertTrue(sent.text().contains("Sở nào chủ trì tuyên truyền?"), sent.text());
        assertTrue(sent.text().contains("<a href=\"https://hoidap.example.vn/ke-hoach/dong-nai-2022#muc-iii-2\">"),
                "absolute source link: " + sent.text());
        JsonNode row = sent.json().get("reply_markup").get("inline_keyboard").get(0);
        assertEquals("👍", row.get(0).get("text").asText());
        assertEquals("👎", row.get(1).get("text").asText());
        String yes = row.get(0).get("callback_data").asText();
        String no = row.get(1).get("callback_data").asText();
        Answer answer = assistant.last();
        assertEquals("fb:1:" + answer.answerId(), yes);
        assertEquals("fb:0:" + answer.answerId(), no);
        assertTrue(yes.getBytes(StandardCharsets.UTF_8).length <= 64);

        Question asked = assistant.questions.get(assistant.questions.size() - 1);
        assertEquals("telegram", asked.channel());
        assertTrue(asked.sessionId().matches("tg-[0-9a-f]{32}"), asked.sessionId());
        assertFalse(asked.sessionId().contains(Long.toString(chat)), "the chat id never leaves the bot");

        int update = api.nextUpdateId();
        api.push(Updates.callback(update, chat, no));
        FakeBotApi.Call answered = api.await("answerCallbackQuery",
                c -> c.json().get("callback_query_id").asText().equals("cb-" + update), WAIT);
        assertEquals("Cảm ơn bạn đã góp ý!", answered.json().get("text").asText());
        assertEquals(List.of(answer.answerId() + ":false"), feedback.recordedFor(answer.answerId()));
    }

    @Test
    void keepsOneSessionPerChat() {
        long first = CHATS.incrementAndGet();
        long second = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), first, "câu một"));
        api.await("sendMessage", c -> c.chatId() == first, WAIT);
        api.push(Updates.text(api.nextUpdateId(), first, "câu hai"));
        api.awaitCount("sendMessage", c -> c.chatId() == first, 2, WAIT);
        api.push(Updates.text(api.nextUpdateId(), second, "câu ba"));
        api.await("sendMessage", c -> c.chatId() == second, WAIT);

        String s1 = assistant.sessionOf("câu một");
        assertEquals(s1, assistant.sessionOf("câu hai"));
        assertFalse(s1.equals(assistant.sessionOf("câu ba")));
    }

    @Test
    void escapesAngleBracketsAndAmpersandsOfTheAnswer() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), chat, "so sánh <b>2025</b> & 2030 > 50%"));

        String text = api.await("sendMessage", c -> c.chatId() == chat, WAIT).text();
        assertTrue(text.contains("so sánh &lt;b&gt;2025&lt;/b&gt; &amp; 2030 &gt; 50%"), text);
        assertTrue(text.contains("Sở TT&amp;TT"), text);
        assertFalse(text.contains("<b>2025"), text);
    }

    @Test
    void splitsALongAnswerBelowTelegramsLimitWithoutLosingText() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), chat, "câu trả lời dài"));

        api.await("sendMessage", c -> c.chatId() == chat && c.json().hasNonNull("reply_markup"), WAIT);
        List<FakeBotApi.Call> parts = api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).toList();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            FakeBotApi.Call p = parts.get(i);
            assertTrue(p.text().length() <= 4096, "part " + i + " has " + p.text().length());
            assertEquals(i == parts.size() - 1, p.json().hasNonNull("reply_markup"),
                    "buttons only under the last part: part " + i + " of " + parts.size() + ": " + p.body());
            joined.append(p.text());
        }
        assertTrue(parts.size() >= 10, "about 40 000 characters: " + parts.size() + " parts");
        String expected = FixedAssistant.longText().replace("&", "&amp;").replaceAll("\\s", "");
        assertTrue(joined.toString().replaceAll("\\s", "").startsWith(expected), "nothing lost or reordered");
    }

    @Test
    void limitsTheRateOfEachChatAndWarnsOnlyOnce() {
        long chat = CHATS.incrementAndGet();
        for (int i = 0; i < 9; i++) {
            api.push(Updates.text(api.nextUpdateId(), chat, "hỏi lần " + i));
        }
        api.awaitCount("sendMessage", c -> c.chatId() == chat, 6, WAIT);
        sleep(500);
        List<FakeBotApi.Call> sent = api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).toList();
        long answers = sent.stream().filter(c -> c.text().contains("hỏi lần")).count();
        long warnings = sent.stream().filter(c -> c.text().startsWith("Bạn gửi hơi nhanh")).count();
        assertEquals(5, answers, "the bucket holds 5");
        assertEquals(1, warnings, "one warning, then silence");

        long other = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), other, "chat khác vẫn được trả lời"));
        api.await("sendMessage", c -> c.chatId() == other, WAIT);
    }

    @Test
    void retriesWhenTelegramSaysTooManyRequests() {
        long chat = CHATS.incrementAndGet();
        api.failNext("sendMessage", 429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}");
        api.push(Updates.text(api.nextUpdateId(), chat, "thử lại sau 429"));

        List<FakeBotApi.Call> attempts = api.awaitCount("sendMessage", c -> c.chatId() == chat, 2, WAIT);
        assertEquals(attempts.get(0).body(), attempts.get(1).body(), "the same message again");
    }

    @Test
    void retriesServerErrorsAndGivesUpAfterBoundedAttempts() {
        long chat = CHATS.incrementAndGet();
        api.failNext("sendMessage", 502, "<html>Bad Gateway</html>");
        api.push(Updates.text(api.nextUpdateId(), chat, "thử lại sau 502"));
        api.awaitCount("sendMessage", c -> c.chatId() == chat, 2, WAIT);

        long doomed = CHATS.incrementAndGet();
        String error = "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}";
        for (int i = 0; i < 6; i++) {
            api.failNext("sendMessage", 500, error);
        }
        api.push(Updates.text(api.nextUpdateId(), doomed, "máy chủ hỏng"));
        api.awaitCount("sendMessage", c -> c.chatId() == doomed, 4, WAIT);
        sleep(2500);
        assertEquals(4, api.calls("sendMessage").stream().filter(c -> c.chatId() == doomed).count(), "4 attempts");
        // drain what is left of the canned failures so later tests are not affected
        for (int i = 0; i < 2; i++) {
            long probe = CHATS.incrementAndGet();
            api.push(Updates.text(api.nextUpdateId(), probe, "dọn"));
            api.await("sendMessage", c -> c.chatId() == probe, WAIT);
        }
    }

    @Test
    void answersMediaPolitelyAndIgnoresEditsWithoutCrashing() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.sticker(api.nextUpdateId(), chat));
        api.push(Updates.photo(api.nextUpdateId(), chat));
        api.push(Updates.voice(api.nextUpdateId(), chat));
        api.push(Updates.document(api.nextUpdateId(), chat));
        api.push(Updates.edited(api.nextUpdateId(), chat, "câu đã sửa"));

        List<FakeBotApi.Call> replies = api.awaitCount("sendMessage", c -> c.chatId() == chat, 4, WAIT);
        replies.forEach(r -> assertTrue(r.text().startsWith("Hiện tôi chỉ đọc được tin nhắn chữ"), r.text()));
        assertFalse(assistant.asked("câu đã sửa"), "an edit is not a new question");

        long next = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), next, "vẫn hoạt động?"));
        api.await("sendMessage", c -> c.chatId() == next, WAIT);
    }

    @Test
    void refusesOverLongQuestionsPolitely() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), chat, "hỏi ".repeat(300)));
        String text = api.await("sendMessage", c -> c.chatId() == chat, WAIT).text();
        assertTrue(text.startsWith("Câu hỏi dài quá (tối đa 1000 ký tự)"), text);
        assertFalse(assistant.asked("hỏi hỏi hỏi"), "not passed to the assistant");
    }

    @Test
    void inGroupsAnswersOnlyMentionsRepliesAndCommands() {
        long group = -CHATS.incrementAndGet();
        api.push(Updates.groupText(api.nextUpdateId(), group, "mọi người ơi, họp lúc 9 giờ"));
        api.push(Updates.groupText(api.nextUpdateId(), group, "/start@some_other_bot"));
        api.push(Updates.groupText(api.nextUpdateId(), group, "@HoiDap_Test_Bot mục tiêu năm 2025 là gì?"));
        List<FakeBotApi.Call> first = api.awaitCount("sendMessage", c -> c.chatId() == group, 1, WAIT);
        assertTrue(first.get(0).text().startsWith("mục tiêu năm 2025 là gì?"), "mention removed: " + first.get(0).text());
        assertTrue(first.get(0).json().get("reply_parameters").has("message_id"), "replies to the message in a group");

        api.push(Updates.groupReplyToBot(api.nextUpdateId(), group, "còn năm 2030?"));
        api.push(Updates.groupText(api.nextUpdateId(), group, "/help@hoidap_test_bot"));
        api.push(Updates.groupText(api.nextUpdateId(), group, "@hoidap_test_bot"));
        List<FakeBotApi.Call> all = api.awaitCount("sendMessage", c -> c.chatId() == group, 4, WAIT);
        sleep(300);
        all = api.calls("sendMessage").stream().filter(c -> c.chatId() == group).toList();
        assertEquals(4, all.size(), all.toString());
        assertTrue(all.get(1).text().startsWith("còn năm 2030?"));
        assertTrue(all.get(2).text().startsWith("Cách dùng:"));
        assertTrue(all.get(2).text().contains("@hoidap_test_bot"), "help names the bot from getMe");
        assertTrue(all.get(3).text().startsWith("Bạn hãy gõ câu hỏi"), "a bare mention gets a prompt");
        assertFalse(assistant.asked("mọi người ơi, họp lúc 9 giờ"));
    }

    @Test
    void startGreetsWithExampleQuestionsAndUnknownCommandsPointToHelp() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.command(api.nextUpdateId(), chat, "/start"));
        String welcome = api.await("sendMessage", c -> c.chatId() == chat, WAIT).text();
        assertTrue(welcome.startsWith("Xin chào!"), welcome);
        assertEquals(3, welcome.lines().filter(l -> l.startsWith("• ")).count(), "three example questions");
        assertTrue(welcome.contains("/tinh &lt;tên tỉnh&gt;"), "escaped placeholder: " + welcome);

        api.push(Updates.command(api.nextUpdateId(), chat, "/xyz"));
        String unknown = api.awaitCount("sendMessage", c -> c.chatId() == chat, 2, WAIT).get(1).text();
        assertTrue(unknown.contains("/help"), unknown);
    }

    @Test
    void tinhSetsTheProvinceThatTravelsAsAFieldOfLaterQuestions() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh dong nai"));
        String set = api.await("sendMessage", c -> c.chatId() == chat, WAIT).text();
        assertTrue(set.startsWith("Đã chọn Đồng Nai"), set);

        api.push(Updates.text(api.nextUpdateId(), chat, "Ai chủ trì đào tạo kỹ năng số?"));
        api.awaitCount("sendMessage", c -> c.chatId() == chat, 2, WAIT);
        Question asked = assistant.question("Ai chủ trì đào tạo kỹ năng số?");
        assertEquals("Đồng Nai", asked.province(), "the choice is a field of the question");
        assertEquals("Ai chủ trì đào tạo kỹ năng số?", asked.text(), "and the text is left as typed");

        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh"));
        String current = api.awaitCount("sendMessage", c -> c.chatId() == chat, 3, WAIT).get(2).text();
        assertTrue(current.startsWith("Tỉnh đang chọn: Đồng Nai"), current);

        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh bỏ"));
        api.awaitCount("sendMessage", c -> c.chatId() == chat, 4, WAIT);
        api.push(Updates.text(api.nextUpdateId(), chat, "Ai phối hợp?"));
        api.awaitCount("sendMessage", c -> c.chatId() == chat, 5, WAIT);
        assertNull(assistant.question("Ai phối hợp?").province(), "cleared: " + assistant.questions);
    }

    @Test
    void theChosenProvinceIsKeptInTheDatabaseForEveryInstance() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh Thanh Hoá"));
        api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        String session = sessions.of(chat);
        assertEquals("Thanh Hóa", chats.get(session).province(), "stored under the chat's hashed session id");
    }

    @Test
    void tinhRefusesUnknownProvincesAndListsTheCoveredOnes() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh Atlantis"));
        String unknown = api.await("sendMessage", c -> c.chatId() == chat, WAIT).text();
        assertTrue(unknown.startsWith("Tôi chưa nhận ra tỉnh &quot;Atlantis&quot;"), unknown);
        assertTrue(unknown.contains("Đồng Nai"), "names provinces to choose from: " + unknown);

        api.push(Updates.command(api.nextUpdateId(), chat, "/tinh"));
        String none = api.awaitCount("sendMessage", c -> c.chatId() == chat, 2, WAIT).get(1).text();
        assertTrue(none.startsWith("Bạn chưa chọn tỉnh"), none);
    }

    @Test
    void answersButtonsOnInaccessibleMessagesAndIgnoresForeignCallbackData() {
        long chat = CHATS.incrementAndGet();
        api.push(Updates.text(api.nextUpdateId(), chat, "câu hỏi cũ"));
        api.await("sendMessage", c -> c.chatId() == chat, WAIT);
        String answerId = assistant.last().answerId();

        int old = api.nextUpdateId();
        api.push(Updates.callbackOnInaccessible(old, chat, "fb:1:" + answerId));
        FakeBotApi.Call thanks = api.await("answerCallbackQuery",
                c -> c.json().get("callback_query_id").asText().equals("cb-" + old), WAIT);
        assertEquals("Cảm ơn bạn đã góp ý!", thanks.json().get("text").asText());
        assertEquals(List.of(answerId + ":true"), feedback.recordedFor(answerId));

        int foreign = api.nextUpdateId();
        api.push(Updates.callback(foreign, chat, "something-else"));
        FakeBotApi.Call stopped = api.await("answerCallbackQuery",
                c -> c.json().get("callback_query_id").asText().equals("cb-" + foreign), WAIT);
        assertNull(stopped.json().get("text"), "answered without a text, just to stop the spinner");

        int unknown = api.nextUpdateId();
        api.push(Updates.callback(unknown, chat, "fb:1:" + UUID.randomUUID()));
        FakeBotApi.Call notFound = api.await("answerCallbackQuery",
                c -> c.json().get("callback_query_id").asText().equals("cb-" + unknown), WAIT);
        assertNotNull(notFound.json().get("text"));
        assertEquals("Không tìm thấy câu trả lời này để ghi nhận góp ý.", notFound.json().get("text").asText());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers every question with its own text, a plan source and an ampersand; "dài" asks for a long answer. */
    @Singleton
    @Primary
    @Requires(property = "hoidap.test.telegram-beans", value = "bot")
    static class FixedAssistant implements Assistant {
        final List<Question> questions = new CopyOnWriteArrayList<>();
        final List<Answer> answers = new CopyOnWriteArrayList<>();

        @Override
        public Answer answer(Question q) {
            questions.add(q);
            String text = q.text().contains("dài") ? longText() : q.text() + "\n\nĐơn vị chủ trì: Sở TT&TT.";
            Answer a = new Answer(UUID.randomUUID().toString(), q.sessionId(), text, "task_lookup", 0.9, false,
                    List.of(new Source("Kế hoạch 53/KH-UBND tỉnh Đồng Nai", "dong-nai-2022", "III.2",
                            "/ke-hoach/dong-nai-2022#muc-iii-2", "Tuyên truyền …")),
                    List.of(), "Đồng Nai", null, null);
            answers.add(a);
            return a;
        }

        Answer last() {
            return answers.get(answers.size() - 1);
        }

        Question question(String text) {
            return questions.stream().filter(q -> q.text().equals(text)).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("not asked: " + text + " in " + questions));
        }

        boolean asked(String text) {
            return questions.stream().anyMatch(q -> q.text().equals(text));
        }

        String sessionOf(String text) {
            return questions.stream().filter(q -> q.text().equals(text)).findFirst().orElseThrow().sessionId();
        }

        static String longText() {
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p < 40; p++) {
                sb.append("Đoạn ").append(p).append(": ");
                for (int w = 0; w < 40; w++) {
                    sb.append("nhiệm vụ & mục tiêu ").append(w).append(' ');
                }
                sb.append("\n\n");
            }
            return sb.toString().strip();
        }
    }

    /** Records verdicts; knows only the answers the test assistant gave. */
    @Singleton
    @Primary
    @Requires(property = "hoidap.test.telegram-beans", value = "bot")
    static class RecordingFeedback implements FeedbackSink {
        private final FixedAssistant assistant;
        private final Map<String, List<String>> recorded = new ConcurrentHashMap<>();

        RecordingFeedback(FixedAssistant assistant) {
            this.assistant = assistant;
        }

        @Override
        public Result record(String answerId, boolean helpful, String comment) {
            Set<String> known = Set.copyOf(assistant.answers.stream().map(Answer::answerId).toList());
            if (!known.contains(answerId)) {
                return Result.UNKNOWN_ANSWER;
            }
            recorded.computeIfAbsent(answerId, k -> new CopyOnWriteArrayList<>()).add(answerId + ":" + helpful);
            return Result.STORED;
        }

        List<String> recordedFor(String answerId) {
            return recorded.getOrDefault(answerId, List.of());
        }
    }
}

package vn.hoidap.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Update JSON as Telegram sends it, for the fake API and the webhook. */
final class Updates {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final long USER_ID = 4242L;

    private Updates() {
    }

    static String text(int updateId, long chatId, String text) {
        ObjectNode u = update(updateId);
        ObjectNode m = message(u.putObject("message"), chatId, "private");
        m.put("text", text);
        return u.toString();
    }

    static String command(int updateId, long chatId, String text) {
        ObjectNode u = update(updateId);
        ObjectNode m = message(u.putObject("message"), chatId, "private");
        m.put("text", text);
        String command = text.split("\\s")[0];
        m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", command.length());
        return u.toString();
    }

    static String groupText(int updateId, long chatId, String text) {
        ObjectNode u = update(updateId);
        message(u.putObject("message"), chatId, "supergroup").put("text", text);
        return u.toString();
    }

    static String groupReplyToBot(int updateId, long chatId, String text) {
        ObjectNode u = update(updateId);
        ObjectNode m = message(u.putObject("message"), chatId, "supergroup");
        m.put("text", text);
        ObjectNode replied = m.putObject("reply_to_message");
        replied.put("message_id", 7);
        replied.put("date", 1_700_000_000);
        replied.putObject("chat").put("id", chatId).put("type", "supergroup").put("title", "Nhóm");
        replied.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "Hỏi đáp")
                .put("username", FakeBotApi.BOT_USERNAME);
        replied.put("text", "Câu trả lời trước");
        return u.toString();
    }

    static String sticker(int updateId, long chatId) {
        ObjectNode u = update(updateId);
        ObjectNode s = message(u.putObject("message"), chatId, "private").putObject("sticker");
        s.put("file_id", "CAACAgIAAxkBAAEB").put("file_unique_id", "AgADAQAD").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "😀");
        return u.toString();
    }

    static String photo(int updateId, long chatId) {
        ObjectNode u = update(updateId);
        ObjectNode m = message(u.putObject("message"), chatId, "private");
        m.putArray("photo").addObject().put("file_id", "AgACAgIAAxkBAAIB").put("file_unique_id", "AQADAgAT")
                .put("width", 90).put("height", 90).put("file_size", 1234);
        m.put("caption", "ảnh <b>chụp</b>");
        return u.toString();
    }

    static String voice(int updateId, long chatId) {
        ObjectNode u = update(updateId);
        message(u.putObject("message"), chatId, "private").putObject("voice").put("file_id", "AwACAgIAAxkBAAIC")
                .put("file_unique_id", "AgADBAAD").put("duration", 3).put("mime_type", "audio/ogg");
        return u.toString();
    }

    static String document(int updateId, long chatId) {
        ObjectNode u = update(updateId);
        message(u.putObject("message"), chatId, "private").putObject("document").put("file_id", "BQACAgIAAxkBAAID")
                .put("file_unique_id", "AgADBQAD").put("file_name", "ke-hoach.pdf").put("mime_type", "application/pdf");
        return u.toString();
    }

    static String edited(int updateId, long chatId, String text) {
        ObjectNode u = update(updateId);
        ObjectNode m = message(u.putObject("edited_message"), chatId, "private");
        m.put("text", text);
        m.put("edit_date", 1_700_000_100);
        return u.toString();
    }

    /** A button press on a message the bot can still see. */
    static String callback(int updateId, long chatId, String data) {
        ObjectNode u = update(updateId);
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cb-" + updateId);
        from(q.putObject("from"));
        q.put("chat_instance", "-123456789");
        q.put("data", data);
        ObjectNode m = q.putObject("message");
        m.put("message_id", 101);
        m.put("date", 1_700_000_000);
        m.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Lan");
        m.put("text", "Câu trả lời");
        return u.toString();
    }

    /** A button press on a message too old to be shown to the bot: an InaccessibleMessage, date 0. */
    static String callbackOnInaccessible(int updateId, long chatId, String data) {
        ObjectNode u = update(updateId);
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cb-" + updateId);
        from(q.putObject("from"));
        q.put("chat_instance", "-123456789");
        q.put("data", data);
        ObjectNode m = q.putObject("message");
        m.put("message_id", 5);
        m.put("date", 0);
        m.putObject("chat").put("id", chatId).put("type", "private");
        return u.toString();
    }

    private static ObjectNode update(int updateId) {
        ObjectNode u = MAPPER.createObjectNode();
        u.put("update_id", updateId);
        return u;
    }

    private static ObjectNode message(ObjectNode m, long chatId, String type) {
        m.put("message_id", 50 + (int) (Math.abs(chatId) % 1000));
        m.put("date", 1_700_000_000);
        ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", type);
        if (type.equals("private")) {
            chat.put("first_name", "Lan");
        } else {
            chat.put("title", "Nhóm chuyển đổi số");
        }
        from(m.putObject("from"));
        return m;
    }

    private static void from(ObjectNode from) {
        from.put("id", USER_ID).put("is_bot", false).put("first_name", "Lan").put("language_code", "vi");
    }
}

package vn.hoidap.telegram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatSessionIdsTest {

    @Test
    void namesOneStableSessionPerChatWithoutTheChatId() {
        ChatSessionIds ids = new ChatSessionIds("salt-a");
        String id = ids.of(123456789L);
        assertTrue(id.matches("tg-[0-9a-f]{32}"), id);
        assertFalse(id.contains("123456789"));
        assertEquals(id, new ChatSessionIds("salt-a").of(123456789L), "stable across restarts with the same salt");
        assertNotEquals(id, ids.of(-123456789L), "a group and a user with the same number differ");
        assertNotEquals(id, new ChatSessionIds("salt-b").of(123456789L), "the salt matters");
    }
}

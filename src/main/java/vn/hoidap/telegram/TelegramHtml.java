package vn.hoidap.telegram;

/**
 * Escaping for Telegram's HTML parse mode, which knows only {@code &lt; &gt; &amp; &quot;}: every other
 * {@code &} or {@code <} in an answer would make Telegram reject the whole message.
 */
final class TelegramHtml {

    private TelegramHtml() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }
}

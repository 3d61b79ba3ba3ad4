package vn.hoidap.portal;

/** Minimal HTML building for the server-rendered pages; everything from data goes through {@link #esc}. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " — Hỏi đáp Chuyển đổi số</title>"
                + "<link rel=\"stylesheet\" href=\"/static/chat.css\"><link rel=\"stylesheet\" href=\"/static/doc.css\"></head>"
                + "<body><header><p><a href=\"/\">← Hỏi đáp Chuyển đổi số</a></p></header><main class=\"doc\">"
                + body + "</main></body></html>";
    }
}

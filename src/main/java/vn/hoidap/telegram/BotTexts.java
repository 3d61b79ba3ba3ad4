package vn.hoidap.telegram;

/**
 * What only the Telegram bot says (plain text; escaped when sent); what every channel says is in
 * {@link vn.hoidap.channel.ChannelTexts}. The answers come from the assistant.
 */
final class BotTexts {

    private BotTexts() {
    }

    static final String WELCOME = """
            Xin chào! Tôi là trợ lý ảo Hỏi đáp Chuyển đổi số. Tôi trả lời câu hỏi về kế hoạch chuyển đổi số \
            của các tỉnh (theo Quyết định 146/QĐ-TTg), về dịch vụ công trực tuyến và kỹ năng số. Mỗi câu trả lời \
            đều ghi rõ nguồn.

            Bạn có thể hỏi, ví dụ:
            • Sở Thông tin và Truyền thông Bình Định được giao những nhiệm vụ gì?
            • Mục tiêu đến năm 2025 của Thanh Hóa về dịch vụ công trực tuyến là gì?
            • Làm sao để học kỹ năng số miễn phí?

            Gõ /tinh <tên tỉnh> để chọn tỉnh bạn quan tâm, /help để xem hướng dẫn.""";

    static final String HELP = """
            Cách dùng:
            • Gõ câu hỏi bằng tiếng Việt (có dấu hoặc không dấu), tối đa %d ký tự. Câu hỏi tiếp theo có thể \
            nối tiếp câu trước, ví dụ "còn Đồng Nai thì sao?".
            • /tinh <tên tỉnh>: chọn tỉnh, ví dụ /tinh Đồng Nai. Câu hỏi không nêu tỉnh sẽ được hiểu là về tỉnh \
            đã chọn. Gõ /tinh để xem tỉnh đang chọn, /tinh bỏ để bỏ chọn.
            • Bấm 👍 hoặc 👎 dưới câu trả lời để góp ý.
            • Trong nhóm: nhắc tên tôi (@%s), trả lời tin nhắn của tôi hoặc dùng lệnh.
            /start: lời chào và câu hỏi mẫu.""";

    // The rest is what every channel says alike.
}

package vn.hoidap.telegram;

/** Everything the bot itself says (plain text; escaped when sent). The answers come from the assistant. */
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

    static final String SLOW_DOWN = "Bạn gửi hơi nhanh, vui lòng chờ vài giây rồi hỏi tiếp nhé.";
    static final String NOT_TEXT = "Hiện tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi bằng chữ nhé.";
    static final String EMPTY = "Bạn hãy gõ câu hỏi về chuyển đổi số, dịch vụ công trực tuyến hoặc kỹ năng số nhé.";
    static final String TOO_LONG = "Câu hỏi dài quá (tối đa %d ký tự). Bạn hãy rút gọn câu hỏi giúp tôi nhé.";
    static final String UNKNOWN_COMMAND = "Tôi chưa hiểu lệnh này. Gõ /help để xem các lệnh có thể dùng.";
    static final String FAILED = "Xin lỗi, tôi đang gặp sự cố khi trả lời. Bạn vui lòng thử lại sau ít phút.";
    static final String EMPTY_ANSWER = "Xin lỗi, tôi chưa trả lời được câu hỏi này.";

    static final String PROVINCE_SET = "Đã chọn %s. Các câu hỏi không nêu tỉnh sẽ được hiểu là về %s.";
    static final String PROVINCE_CURRENT = "Tỉnh đang chọn: %s. Gõ /tinh <tên tỉnh> để đổi, /tinh bỏ để bỏ chọn.";
    static final String PROVINCE_NONE = "Bạn chưa chọn tỉnh. Gõ /tinh <tên tỉnh>, ví dụ /tinh %s.";
    static final String PROVINCE_CLEARED = "Đã bỏ chọn tỉnh.";
    static final String PROVINCE_UNKNOWN = "Tôi chưa nhận ra tỉnh \"%s\". Hiện có kế hoạch của: %s.";
    static final String PROVINCE_NO_PLAN = "Hiện chưa có kế hoạch chuyển đổi số của %s. Hiện có kế hoạch của: %s.";

    static final String FEEDBACK_THANKS = "Cảm ơn bạn đã góp ý!";
    static final String FEEDBACK_UNKNOWN = "Không tìm thấy câu trả lời này để ghi nhận góp ý.";
    static final String FEEDBACK_FAILED = "Chưa ghi nhận được góp ý, bạn vui lòng thử lại sau.";
}

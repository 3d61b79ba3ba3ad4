package vn.hoidap.channel;

/** What every channel says itself, in Vietnamese (plain text; a channel escapes it as it needs). */
public final class ChannelTexts {

    private ChannelTexts() {
    }

    public static final String SLOW_DOWN = "Bạn gửi hơi nhanh, vui lòng chờ vài giây rồi hỏi tiếp nhé.";
    public static final String NOT_TEXT = "Hiện tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi bằng chữ nhé.";
    public static final String EMPTY = "Bạn hãy gõ câu hỏi về chuyển đổi số, dịch vụ công trực tuyến hoặc kỹ năng số nhé.";
    public static final String TOO_LONG = "Câu hỏi dài quá (tối đa %d ký tự). Bạn hãy rút gọn câu hỏi giúp tôi nhé.";
    public static final String FAILED = "Xin lỗi, tôi đang gặp sự cố khi trả lời. Bạn vui lòng thử lại sau ít phút.";
    public static final String EMPTY_ANSWER = "Xin lỗi, tôi chưa trả lời được câu hỏi này.";
    public static final String UNKNOWN_COMMAND = "Tôi chưa hiểu lệnh này. Gõ /help để xem các lệnh có thể dùng.";

    public static final String SOURCE = "Nguồn:";
    public static final String SOURCES = "Các nguồn:";
    public static final String SUGGESTIONS = "Bạn có thể hỏi, ví dụ:";

    public static final String PROVINCE_SET = "Đã chọn %s. Các câu hỏi không nêu tỉnh sẽ được hiểu là về %s.";
    public static final String PROVINCE_CURRENT = "Tỉnh đang chọn: %s. Gõ /tinh <tên tỉnh> để đổi, /tinh bỏ để bỏ chọn.";
    public static final String PROVINCE_NONE = "Bạn chưa chọn tỉnh. Gõ /tinh <tên tỉnh>, ví dụ /tinh %s.";
    public static final String PROVINCE_CLEARED = "Đã bỏ chọn tỉnh.";
    public static final String PROVINCE_UNKNOWN = "Tôi chưa nhận ra tỉnh \"%s\". Bạn hãy gõ tên tỉnh hoặc thành phố, "
            + "ví dụ: %s.";

    public static final String FEEDBACK_THANKS = "Cảm ơn bạn đã góp ý!";
    public static final String FEEDBACK_UNKNOWN = "Không tìm thấy câu trả lời này để ghi nhận góp ý.";
    public static final String FEEDBACK_FAILED = "Chưa ghi nhận được góp ý, bạn vui lòng thử lại sau.";

    /** Zalo's follow and Messenger's Get Started: who answers, what to ask, and how. */
    public static final String GREETING = """
            Xin chào! Tôi là trợ lý ảo tự động Hỏi đáp Chuyển đổi số (không phải cán bộ trực). Tôi trả lời câu hỏi \
            về kế hoạch chuyển đổi số của các tỉnh (theo Quyết định 146/QĐ-TTg), về dịch vụ công trực tuyến và \
            kỹ năng số. Mỗi câu trả lời đều ghi rõ nguồn.

            Bạn có thể hỏi, ví dụ:
            • Sở Thông tin và Truyền thông Bình Định được giao những nhiệm vụ gì?
            • Mục tiêu đến năm 2025 của Thanh Hóa về dịch vụ công trực tuyến là gì?
            • Làm sao để học kỹ năng số miễn phí?

            Gõ /tinh <tên tỉnh> để chọn tỉnh bạn quan tâm.""";

    /** Put before the first answer of a conversation (and after a long pause): people must know a machine answers. */
    public static final String DISCLOSURE = "🤖 Tôi là trợ lý ảo tự động, trả lời dựa trên các văn bản kế hoạch đã công bố.";
}

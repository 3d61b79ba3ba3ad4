package vn.hoidap.console;

/** No live FAQ entry has this id. */
final class FaqNotFound extends RuntimeException {

    FaqNotFound(String id) {
        super("Không có câu hỏi thường gặp mã \"" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "\".",
                null, false, false);
    }
}

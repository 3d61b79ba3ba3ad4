package vn.hoidap.querylog;

/**
 * Where channels send a person's verdict on an answer (web {@code POST /api/feedback}, Telegram buttons).
 * {@code answerId} is {@code Answer.answerId()}; the answer may still be waiting in the log's queue.
 */
public interface FeedbackSink {

    enum Result { STORED, UNKNOWN_ANSWER }

    Result record(String answerId, boolean helpful, String comment);
}

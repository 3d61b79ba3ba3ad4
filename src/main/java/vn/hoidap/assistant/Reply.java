package vn.hoidap.assistant;

import java.util.List;

/** What an answerer produces; the service wraps it into an {@link Answer}. */
record Reply(String text, List<Source> sources, List<String> suggestions, boolean fallback, double confidence,
             Session session, String topic) {

    static Reply answer(String text, List<Source> sources, double confidence, Session session, String topic) {
        return new Reply(text, sources, List.of(), false, confidence, session, topic);
    }
}

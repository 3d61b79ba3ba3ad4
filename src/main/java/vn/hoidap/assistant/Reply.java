package vn.hoidap.assistant;

import java.util.List;

/** What an answerer produces; the service wraps it into an {@link Answer}. */
record Reply(String text, List<Source> sources, List<String> suggestions, boolean fallback, double confidence,
             DialogueState session, String topic) {

    /**
     * Plan answers leave the topic to the query log, which assigns it from the question's words: the
     * subject ("STEM", "dịch vụ công trực tuyến") tells the communications team more than "a task".
     */
    static final String TOPIC_FROM_QUESTION = null;

    /** An answerer's marker for "not a question of my kind after all" (never shown). */
    static final Reply NOT_MINE = new Reply("", List.of(), List.of(), true, 0, null, null);

    static Reply answer(String text, List<Source> sources, double confidence, DialogueState session, String topic) {
        return new Reply(text, sources, List.of(), false, confidence, session, topic);
    }
}

package vn.hoidap.assistant;

import java.util.List;

/**
 * The assistant's reply. {@code answerId} identifies this answer in the query log (feedback buttons and
 * {@code POST /api/feedback} refer to it); {@code province}, {@code agency} and {@code topic} are what the
 * assistant understood, for the awareness metrics.
 */
public record Answer(
        String answerId,
        String sessionId,
        String text,
        String intent,
        double confidence,
        boolean fallback,
        List<Source> sources,
        List<String> suggestions,
        String province,
        String agency,
        String topic) {
    public Answer {
        sources = List.copyOf(sources);
        suggestions = List.copyOf(suggestions);
    }
}

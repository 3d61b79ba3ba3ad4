package vn.hoidap.assistant.intent;

import java.util.List;

/**
 * The best intent for a message, the model's probability for it, and the other intents ranked by
 * probability (best first, the winner excluded) so callers can see how close the runner-up was.
 */
public record IntentPrediction(String intent, double confidence, List<IntentScore> alternatives) {
    public IntentPrediction {
        alternatives = List.copyOf(alternatives);
    }

    /** An intent with the probability the model gave it. */
    public record IntentScore(String intent, double score) {
    }
}

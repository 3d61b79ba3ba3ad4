package vn.hoidap.assistant;

/** Classifies a question's intent; the confidence is the model's probability for it. */
interface IntentModel {

    /**
     * The intent and its probability; {@code substantive} is the best intent that is not small talk (the
     * intent itself when it is not), for a message the classifier took for small talk but that names a plan
     * or its content.
     */
    record Guess(Intent intent, double confidence, Intent substantive, double substantiveConfidence) {
        Guess(Intent intent, double confidence) {
            this(intent, confidence, intent, confidence);
        }

        /** The substantive reading as the guess. */
        Guess substantiveOnly() {
            return new Guess(substantive, substantiveConfidence);
        }
    }

    Guess classify(String text);
}

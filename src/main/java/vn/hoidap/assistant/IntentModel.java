package vn.hoidap.assistant;

/** Classifies a question's intent; the confidence is the model's probability for it. */
interface IntentModel {

    record Guess(Intent intent, double confidence) {
    }

    Guess classify(String text);
}

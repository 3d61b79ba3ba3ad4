package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.assistant.intent.IntentClassifier;
import vn.hoidap.assistant.intent.IntentPrediction;

/** The OpenNLP classifier trained at start-up from corpus/intents, seen through the assistant's enum. */
@Singleton
class TrainedIntentModel implements IntentModel {

    private final IntentClassifier classifier;

    TrainedIntentModel(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Guess classify(String text) {
        IntentPrediction p = classifier.classify(text);
        return new Guess(Intent.of(p.intent()), p.confidence());
    }
}

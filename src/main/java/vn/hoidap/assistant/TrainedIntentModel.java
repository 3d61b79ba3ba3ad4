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
        Intent best = Intent.of(p.intent());
        if (!best.isSmallTalk()) {
            return new Guess(best, p.confidence());
        }
        for (IntentPrediction.IntentScore s : p.alternatives()) {
            Intent i = Intent.of(s.intent());
            if (!i.isSmallTalk()) {
                return new Guess(best, p.confidence(), i, s.score());
            }
        }
        return new Guess(best, p.confidence(), Intent.OUT_OF_SCOPE, 0);
    }
}

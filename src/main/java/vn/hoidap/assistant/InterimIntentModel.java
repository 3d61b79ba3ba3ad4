package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.text.Fold;

/** Interim cue-based intents until the trained classifier lands; to be removed. */
@Singleton
class InterimIntentModel implements IntentModel {
    @Override
    public Guess classify(String text) {
        String f = " " + Fold.fold(text).replaceAll("[^a-z0-9% ]", " ") + " ";
        if (f.contains(" ban la ai ")) return new Guess(Intent.IDENTITY, 0.9);
        if (f.contains(" giup gi ")) return new Guess(Intent.CAPABILITIES, 0.9);
        if (f.contains(" xin chao ")) return new Guess(Intent.GREETING, 0.9);
        if (f.contains(" cam on ")) return new Guess(Intent.THANKS, 0.9);
        if (f.contains(" gia dat ") || f.contains(" bong da ")) return new Guess(Intent.OUT_OF_SCOPE, 0.9);
        if (f.contains(" muc tieu ") || f.contains(" phan tram ")) return new Guess(Intent.TARGETS, 0.7);
        if (f.contains(" ket qua ")) return new Guess(Intent.TASK_RESULT, 0.7);
        if (f.contains(" khi nao ") || f.contains(" thoi gian ")) return new Guess(Intent.TASK_WHEN, 0.7);
        if (f.contains(" chu tri ") || f.contains(" phoi hop ") || f.contains(" ai ")) return new Guess(Intent.TASK_WHO, 0.7);
        if (f.contains(" nhiem vu gi ") || f.contains(" vai tro ")) return new Guess(Intent.AGENCY_TASKS, 0.7);
        if (f.contains(" ban hanh ") || f.contains(" kinh phi ") || f.contains(" quyet dinh nao ") || f.contains(" nghi quyet ")) return new Guess(Intent.PLAN_FACTS, 0.7);
        return new Guess(Intent.FAQ, 0.5);
    }
}

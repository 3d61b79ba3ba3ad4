package vn.hoidap.assistant.intent;

import vn.hoidap.text.Fold;

import java.util.regex.Pattern;

/**
 * The tokens the intent model sees: folded syllables. People type with and without diacritics, so the
 * model is trained and queried on folded text only; "Sở Nội vụ" and "so noi vu" give the same features.
 */
final class IntentTokens {

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final String[] NONE = new String[0];

    private IntentTokens() {
    }

    static String[] of(String text) {
        String folded = NON_WORD.matcher(Fold.fold(text)).replaceAll(" ").strip();
        return folded.isEmpty() ? NONE : folded.split(" ");
    }
}

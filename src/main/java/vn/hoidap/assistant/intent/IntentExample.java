package vn.hoidap.assistant.intent;

/** One labelled training sentence: a line of {@code corpus/intents/<intent>.txt}. */
public record IntentExample(String intent, String text) {
}
